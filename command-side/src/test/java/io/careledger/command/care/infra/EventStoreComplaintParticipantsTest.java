package io.careledger.command.care.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.careledger.api.common.Channel;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.complaint.ComplaintAcknowledged;
import io.careledger.api.complaint.ComplaintCategory;
import io.careledger.api.complaint.ComplaintContactLogged;
import io.careledger.api.complaint.ComplaintFiled;
import io.careledger.api.complaint.ComplaintId;
import io.careledger.api.complaint.ContactKind;
import io.careledger.api.complaint.Department;
import io.careledger.api.complaint.Severity;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.CustomerRegistered;
import io.careledger.api.customer.Tier;
import io.careledger.command.care.ComplaintParticipants.Participants;
import java.time.Instant;
import java.util.Set;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventStoreComplaintParticipantsTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final ComplaintId ID = ComplaintId.of("complaint-1");
    private static final CustomerId CUSTOMER = CustomerId.of("customer-1");
    private static final StoreId STORE = StoreId.of("store-7");
    private static final StaffId FILED_BY = StaffId.of("clerk-1");
    private static final StaffId FIRST_RESPONDER = StaffId.of("clerk-2");
    private static final StaffId COLLEAGUE = StaffId.of("clerk-3");

    private final EmbeddedEventStore eventStore =
            EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final EventStoreComplaintParticipants participants = new EventStoreComplaintParticipants(eventStore);
    private long sequence;

    @AfterEach
    void shutDown() {
        eventStore.shutDown();
    }

    private void store(Object... payloads) {
        for (Object payload : payloads) {
            eventStore.publish(new GenericDomainEventMessage<>("ComplaintAggregate", ID.value(), sequence++, payload));
        }
    }

    private static ComplaintFiled filed() {
        return new ComplaintFiled(ID, CUSTOMER, Channel.HOTLINE, ComplaintCategory.FRESH_SPOILAGE, "Mouldy cake",
                STORE, null, null, Severity.LEVEL_2, Department.WAREHOUSING_AND_DISTRIBUTION, NOW, "severity-2026.1",
                "routing-2026.1", FILED_BY, NOW);
    }

    @Test
    void namesTheCustomerTheStoreAndTheFirstResponder() {
        store(filed(),
                new ComplaintAcknowledged(ID, true, FIRST_RESPONDER, NOW),
                new ComplaintContactLogged(ID, ContactKind.TRANSFER, "Handed to quality control", COLLEAGUE, NOW));

        assertThat(participants.of(ID)).contains(new Participants(CUSTOMER, FIRST_RESPONDER, STORE));
    }

    @Test
    void hasNoOwnerBeforeAnyoneAcknowledged() {
        store(filed());

        assertThat(participants.of(ID)).contains(new Participants(CUSTOMER, null, STORE));
    }

    @Test
    void knowsNoComplaintWithoutEvents() {
        assertThat(participants.of(ComplaintId.of("complaint-unknown"))).isEmpty();
    }

    @Test
    void doesNotTakeAnotherAggregatesStreamForAComplaint() {
        eventStore.publish(new GenericDomainEventMessage<>("CustomerAggregate", "shared-id", 0,
                new CustomerRegistered(CustomerId.of("shared-id"), "Li Na", "123456", null, null, null, STORE,
                        Channel.APP, Set.of(), null, null, null, Tier.MEMBER, FILED_BY, NOW)));

        assertThat(participants.of(ComplaintId.of("shared-id"))).isEmpty();
    }
}
