package io.careledger.command.customer.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.careledger.api.common.Channel;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.complaint.ComplaintId;
import io.careledger.api.complaint.ComplaintReopened;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.CustomerPersonalDataErased;
import io.careledger.api.customer.CustomerRegistered;
import io.careledger.api.customer.Tier;
import java.time.Instant;
import java.util.Set;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventStoreKnownCustomersTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final StaffId CLERK = StaffId.of("clerk-1");

    private final EmbeddedEventStore eventStore =
            EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final EventStoreKnownCustomers customers = new EventStoreKnownCustomers(eventStore);

    @AfterEach
    void shutDown() {
        eventStore.shutDown();
    }

    private void store(String type, String aggregateId, Object payload) {
        eventStore.publish(new GenericDomainEventMessage<>(type, aggregateId, 0, payload));
    }

    @Test
    void knowsARegisteredCustomer() {
        CustomerId id = CustomerId.of("customer-1");
        store("CustomerAggregate", id.value(), new CustomerRegistered(id, "Li Na", "123456", null, null, null,
                StoreId.of("store-7"), Channel.APP, Set.of(), null, null, null, Tier.MEMBER, CLERK, NOW));

        assertThat(customers.exists(id)).isTrue();
    }

    @Test
    void knowsWhetherTheCustomersPersonalDataWasErased() {
        CustomerId kept = CustomerId.of("customer-kept");
        CustomerId erased = CustomerId.of("customer-erased");
        for (CustomerId id : new CustomerId[] {kept, erased}) {
            store("CustomerAggregate", id.value(), new CustomerRegistered(id, "Li Na", "123456", null, null, null,
                    StoreId.of("store-7"), Channel.APP, Set.of(), null, null, null, Tier.MEMBER, CLERK, NOW));
        }
        eventStore.publish(new GenericDomainEventMessage<>("CustomerAggregate", erased.value(), 1,
                new CustomerPersonalDataErased(erased, "request 42", StaffId.of("admin"), NOW)));

        assertThat(customers.personalDataErased(kept)).isFalse();
        assertThat(customers.personalDataErased(erased)).isTrue();
        assertThat(customers.exists(erased)).isTrue();
    }

    @Test
    void doesNotKnowAnIdWithoutEvents() {
        assertThat(customers.exists(CustomerId.of("customer-unknown"))).isFalse();
    }

    @Test
    void doesNotTakeAnotherAggregatesStreamForACustomer() {
        store("ComplaintAggregate", "shared-id",
                new ComplaintReopened(ComplaintId.of("shared-id"), "again", CLERK, NOW));

        assertThat(customers.exists(CustomerId.of("shared-id"))).isFalse();
    }
}
