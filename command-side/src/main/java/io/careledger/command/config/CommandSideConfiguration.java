package io.careledger.command.config;

import io.careledger.command.care.CareProcess;
import io.careledger.command.care.CareTaskAggregate;
import io.careledger.command.care.ComplaintParticipants;
import io.careledger.command.care.CustomerContactPermissions;
import io.careledger.command.care.infra.EventStoreComplaintParticipants;
import io.careledger.command.care.infra.EventStoreCustomerContactPermissions;
import io.careledger.command.care.policy.CareConsentPolicy;
import io.careledger.command.care.policy.CarePolicy;
import io.careledger.command.complaint.ComplaintAggregate;
import io.careledger.command.complaint.policy.RoutingPolicy;
import io.careledger.command.complaint.policy.SeverityPolicy;
import io.careledger.command.customer.CustomerAggregate;
import io.careledger.command.customer.KnownCustomers;
import io.careledger.command.customer.infra.EventStoreKnownCustomers;
import io.careledger.command.customer.policy.MembershipPolicy;
import io.careledger.command.customer.policy.TierPolicy;
import io.careledger.command.refund.CustomerPurchases;
import io.careledger.command.refund.RefundAggregate;
import io.careledger.command.refund.infra.EventStoreCustomerPurchases;
import io.careledger.command.refund.policy.RefundApprovalPolicy;
import io.careledger.command.repair.GarmentCareAggregate;
import io.careledger.command.repair.RepairAggregate;
import io.careledger.command.repair.policy.WarrantyPolicy;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The write model as Spring sees it. The aggregates are registered here, not with Axon's {@code @Aggregate}
 * stereotype, so that they and the policies stay free of Spring; Axon then builds event-sourced repositories on
 * the application's event store and resolves the handlers' extra parameters (clock, policies, ports, deadline
 * manager) from the beans. The application supplies the {@code Clock}, the event store (through an
 * {@code EventStorageEngine}) and the {@code DeadlineManager}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SeverityPolicyProperties.class, RoutingPolicyProperties.class,
        TierPolicyProperties.class, MembershipPolicyProperties.class, CarePolicyProperties.class, RefundPolicyProperties.class,
        WarrantyPolicyProperties.class})
public class CommandSideConfiguration {

    @Bean
    public ConfigurerModule careLedgerAggregates() {
        return configurer -> configurer
                .configureAggregate(CustomerAggregate.class)
                .configureAggregate(ComplaintAggregate.class)
                .configureAggregate(CareTaskAggregate.class)
                .configureAggregate(RefundAggregate.class)
                .configureAggregate(RepairAggregate.class)
                .configureAggregate(GarmentCareAggregate.class);
    }

    /**
     * The care process is a plain Axon event handler, so it is registered with Axon rather than made a bean. Its
     * processing group, {@value CareProcess#PROCESSING_GROUP}, gets the processor the application configures for
     * it (Axon's default otherwise). The providers defer the lookups until Axon builds the handler, after the
     * event store exists, because the complaint port needs the event store and the event store needs this
     * configuration. The process reacts to what happens from its first start on: started on existing history it
     * begins at the head of the stream, so years of past purchases do not turn into a flood of overdue tasks.
     */
    @Bean
    public ConfigurerModule careProcessRegistration(ObjectProvider<CarePolicy> carePolicy,
                                                    ObjectProvider<ComplaintParticipants> complaintParticipants) {
        return configurer -> configurer.eventProcessing()
                .registerEventHandler(axon ->
                        new CareProcess(axon.commandGateway(), carePolicy.getObject(), complaintParticipants.getObject()))
                .registerPooledStreamingEventProcessorConfiguration(CareProcess.PROCESSING_GROUP,
                        (axon, processor) -> processor.initialToken(StreamableMessageSource::createHeadToken));
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
    public MembershipPolicy membershipPolicy(MembershipPolicyProperties properties) {
        return properties.toPolicy();
    }

    /**
     * Purchases are priced in the membership currency and their spend is compared with the tier thresholds, so
     * the two policies must agree on the currency; a mismatch stops the application rather than every purchase.
     */
    @Bean
    public TierPolicy tierPolicy(TierPolicyProperties properties, MembershipPolicy membershipPolicy) {
        TierPolicy policy = properties.toPolicy();
        if (!policy.currency().equals(membershipPolicy.currency())) {
            throw new IllegalStateException(TierPolicyProperties.PREFIX + ".currency (" + policy.currency()
                    + ") must equal " + MembershipPolicyProperties.PREFIX + ".currency ("
                    + membershipPolicy.currency() + ")");
        }
        return policy;
    }

    @Bean
    public CarePolicy carePolicy(CarePolicyProperties properties) {
        return properties.toPolicy();
    }

    /** Not configurable: which consent each channel needs is a rule of consent, not operators' data. */
    @Bean
    public CareConsentPolicy careConsentPolicy() {
        return CareConsentPolicy.defaults();
    }

    @Bean
    public KnownCustomers knownCustomers(EventStore eventStore) {
        return new EventStoreKnownCustomers(eventStore);
    }

    @Bean
    public CustomerContactPermissions customerContactPermissions(EventStore eventStore) {
        return new EventStoreCustomerContactPermissions(eventStore);
    }

    @Bean
    public ComplaintParticipants complaintParticipants(EventStore eventStore) {
        return new EventStoreComplaintParticipants(eventStore);
    }

    @Bean
    public RefundApprovalPolicy refundApprovalPolicy(RefundPolicyProperties properties) {
        return properties.toPolicy();
    }

    @Bean
    public CustomerPurchases customerPurchases(EventStore eventStore) {
        return new EventStoreCustomerPurchases(eventStore);
    }

    @Bean
    public WarrantyPolicy warrantyPolicy(WarrantyPolicyProperties properties) {
        return properties.toPolicy();
    }
}
