package io.careledger.query;

import io.careledger.query.care.CareTaskIndex;
import io.careledger.query.care.CareTaskProjection;
import io.careledger.query.cases.CaseIndex;
import io.careledger.query.cases.CaseProjection;
import io.careledger.query.customer.CustomerIndex;
import io.careledger.query.customer.CustomerProjection;
import io.careledger.query.metrics.MetricsIndex;
import io.careledger.query.metrics.MetricsProjection;
import io.careledger.query.projection.Projection;
import io.careledger.query.projection.ProjectionName;
import io.careledger.query.projection.ProjectionRebuilder;
import io.careledger.query.timeline.TimelineIndex;
import io.careledger.query.timeline.TimelineProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read models the {@link ProjectionRebuilder} can rebuild: each one's processing group and index family.
 * (Named "…Descriptor": the projections themselves are beans named after their classes.)
 */
@Configuration(proxyBeanMethods = false)
public class QuerySideProjections {

    @Bean
    Projection casesProjectionDescriptor(CaseIndex index) {
        return new Projection(ProjectionName.CASES, CaseProjection.PROCESSING_GROUP, index);
    }

    @Bean
    Projection customersProjectionDescriptor(CustomerIndex index) {
        return new Projection(ProjectionName.CUSTOMERS, CustomerProjection.PROCESSING_GROUP, index);
    }

    @Bean
    Projection timelineProjectionDescriptor(TimelineIndex index) {
        return new Projection(ProjectionName.TIMELINE, TimelineProjection.PROCESSING_GROUP, index);
    }

    @Bean
    Projection careTasksProjectionDescriptor(CareTaskIndex index) {
        return new Projection(ProjectionName.CARE_TASKS, CareTaskProjection.PROCESSING_GROUP, index);
    }

    @Bean
    Projection metricsProjectionDescriptor(MetricsIndex index) {
        return new Projection(ProjectionName.METRICS, MetricsProjection.PROCESSING_GROUP, index);
    }
}
