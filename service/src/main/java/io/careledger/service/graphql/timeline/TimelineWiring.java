package io.careledger.service.graphql.timeline;

import io.careledger.api.timeline.TimelineEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

@Configuration(proxyBeanMethods = false)
class TimelineWiring {

    /**
     * A timeline entry's {@code id} is its {@code entryId}, read by a plain data fetcher. It was a
     * {@code @SchemaMapping} controller method, which costs, for every entry of every page (20 in the benchmark's
     * {@code customerTimeline}), an argument resolution, a context snapshot and a call through the controller's
     * security proxy: the largest share of what GraphQL added to that query on the service's CPU after the
     * controller itself.
     */
    @Bean
    RuntimeWiringConfigurer timelineEntryId() {
        return wiring -> wiring.type("TimelineEntry",
                type -> type.dataFetcher("id", environment -> environment.<TimelineEntry>getSource().entryId()));
    }
}
