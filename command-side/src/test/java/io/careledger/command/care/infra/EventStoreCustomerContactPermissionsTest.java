package io.careledger.command.care.infra;

import static io.careledger.api.customer.ConsentPurpose.DATA_PROCESSING;
import static io.careledger.api.customer.ConsentPurpose.MARKETING_EMAIL;
import static io.careledger.api.customer.ConsentPurpose.MARKETING_SMS;
import static org.assertj.core.api.Assertions.assertThat;

import io.careledger.api.common.Channel;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.complaint.ComplaintId;
import io.careledger.api.complaint.ComplaintReopened;
import io.careledger.api.customer.ConsentGiven;
import io.careledger.api.customer.ConsentPurpose;
import io.careledger.api.customer.ConsentWithdrawn;
import io.careledger.api.customer.ContactChannel;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.CustomerProfileUpdated;
import io.careledger.api.customer.CustomerRegistered;
import io.careledger.api.customer.Tier;
import io.careledger.command.care.policy.ContactPermissions;
import java.time.Instant;
import java.util.Set;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventStoreCustomerContactPermissionsTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final StaffId CLERK = StaffId.of("clerk-1");
    private static final CustomerId ID = CustomerId.of("customer-1");

    private final EmbeddedEventStore eventStore =
            EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final EventStoreCustomerContactPermissions permissions =
            new EventStoreCustomerContactPermissions(eventStore);
    private long sequence;

    @AfterEach
    void shutDown() {
        eventStore.shutDown();
    }

    private void store(Object... payloads) {
        for (Object payload : payloads) {
            eventStore.publish(new GenericDomainEventMessage<>("CustomerAggregate", ID.value(), sequence++, payload));
        }
    }

    private static CustomerRegistered registered(Set<ConsentPurpose> consents,
                                                 ContactChannel preferred) {
        return new CustomerRegistered(ID, "Li Na", "123456", null, null, null, StoreId.of("store-7"), Channel.APP,
                consents, null, null, preferred, Tier.MEMBER, CLERK, NOW);
    }

    @Test
    void startsFromWhatTheCustomerTickedAtRegistration() {
        store(registered(Set.of(DATA_PROCESSING, MARKETING_SMS), ContactChannel.SMS));

        assertThat(permissions.of(ID)).contains(
                new ContactPermissions(Set.of(DATA_PROCESSING, MARKETING_SMS), Set.of(), ContactChannel.SMS));
    }

    @Test
    void followsConsentsAndTheChannelThroughTheFile() {
        store(registered(Set.of(DATA_PROCESSING, MARKETING_SMS), ContactChannel.SMS),
                new ConsentWithdrawn(ID, MARKETING_SMS, CLERK, NOW),
                new ConsentGiven(ID, MARKETING_EMAIL, CLERK, NOW),
                new ConsentWithdrawn(ID, DATA_PROCESSING, CLERK, NOW),
                new CustomerProfileUpdated(ID, "Li Na Wang", null, null, null, null, null, null, null, null, CLERK, NOW),
                new CustomerProfileUpdated(ID, null, null, null, null, null, null, null, null, ContactChannel.EMAIL,
                        CLERK, NOW));

        assertThat(permissions.of(ID)).contains(new ContactPermissions(Set.of(MARKETING_EMAIL),
                Set.of(MARKETING_SMS, DATA_PROCESSING), ContactChannel.EMAIL));
    }

    @Test
    void aConsentGivenAgainIsNoLongerWithdrawn() {
        store(registered(Set.of(), null),
                new ConsentGiven(ID, DATA_PROCESSING, CLERK, NOW),
                new ConsentWithdrawn(ID, DATA_PROCESSING, CLERK, NOW),
                new ConsentGiven(ID, DATA_PROCESSING, CLERK, NOW));

        assertThat(permissions.of(ID)).contains(new ContactPermissions(Set.of(DATA_PROCESSING), Set.of(), null));
    }

    @Test
    void readsARegistrationStoredBeforeTheNewerFieldsExisted() {
        store(new CustomerRegistered(ID, "Li Na", "123456", null, null, null, StoreId.of("store-7"), Channel.APP,
                null, null, null, null, Tier.MEMBER, CLERK, NOW));

        assertThat(permissions.of(ID)).contains(new ContactPermissions(Set.of(), Set.of(), null));
    }

    @Test
    void knowsNoCustomerWithoutEvents() {
        assertThat(permissions.of(CustomerId.of("customer-unknown"))).isEmpty();
    }

    @Test
    void doesNotTakeAnotherAggregatesStreamForACustomer() {
        eventStore.publish(new GenericDomainEventMessage<>("ComplaintAggregate", "shared-id", 0,
                new ComplaintReopened(ComplaintId.of("shared-id"), "again", CLERK, NOW)));

        assertThat(permissions.of(CustomerId.of("shared-id"))).isEmpty();
    }
}
