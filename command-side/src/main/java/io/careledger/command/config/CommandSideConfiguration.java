package io.careledger.command.config;

import io.careledger.command.complaint.ComplaintAggregate;
import io.careledger.command.complaint.policy.RoutingPolicy;
import io.careledger.command.complaint.policy.SeverityPolicy;
import io.careledger.command.customer.CustomerAggregate;
import io.careledger.command.customer.KnownCustomers;
import io.careledger.command.customer.infra.EventStoreKnownCustomers;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The write model as Spring sees it. The aggregates are registered here, not with Axon's {@code @Aggregate}
 * stereotype, so that they and the policies stay free of Spring; Axon then builds event-sourced repositories on
 * the application's event store and resolves the handlers' extra parameters (clock, policies, customer port,
 * deadline manager) from the beans. The application supplies the {@code Clock}, the event store (through an
 * {@code EventStorageEngine}) and the {@code DeadlineManager}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SeverityPolicyProperties.class, RoutingPolicyProperties.class})
public class CommandSideConfiguration {

    @Bean
    public ConfigurerModule careLedgerAggregates() {
        return configurer -> configurer
                .configureAggregate(CustomerAggregate.class)
                .configureAggregate(ComplaintAggregate.class);
    }

    @Bean
    public SeverityPolicy severityPolicy(SeverityPolicyProperties properties) {
        return properties.toPolicy();
    }

    @Bean
    public RoutingPolicy routingPolicy(RoutingPolicyProperties properties) {
        return properties.toPolicy();
    }

    @Bean
    public KnownCustomers knownCustomers(EventStore eventStore) {
        return new EventStoreKnownCustomers(eventStore);
    }
}
