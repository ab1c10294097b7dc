package io.careledger.service.graphql;

import io.careledger.api.complaint.ComplaintView;
import io.careledger.api.refund.RefundView;
import io.careledger.api.repair.RepairView;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.ClassNameTypeResolver;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

@Configuration(proxyBeanMethods = false)
public class GraphQlConfiguration {

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring.scalar(InstantScalar.DATE_TIME);
    }

    /** The {@code Case} interface is resolved from the Java view type of each kind of case. */
    @Bean
    GraphQlSourceBuilderCustomizer caseTypes() {
        ClassNameTypeResolver resolver = new ClassNameTypeResolver();
        resolver.addMapping(ComplaintView.class, "Complaint");
        resolver.addMapping(RefundView.class, "Refund");
        resolver.addMapping(RepairView.class, "Repair");
        return builder -> builder.defaultTypeResolver(resolver);
    }
}
