package io.careledger.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.careledger.api.complaint.ComplaintEvent;
import io.careledger.api.customer.CustomerId;
import io.careledger.query.cases.CaseStories;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

class ComplaintCustomersTest {
    private final AtomicInteger reads = new AtomicInteger();
    private final EventStore store = new EmbeddedEventStore(EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())) {
        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            reads.incrementAndGet();
            return super.readEvents(aggregateIdentifier, firstSequenceNumber);
        }
    };

    @Test
    void aLaterEventIsTheCustomersOfTheComplaintsFilingReadOnceFromTheStore() {
        List<ComplaintEvent> story = CaseStories.lifecycle("k-1", CaseStories.T0);
        store.publish(CaseStories.messages(story));
        ComplaintCustomers customers = new ComplaintCustomers(store, 10);

        assertThat(customers.customerOf(story.get(3))).isEqualTo(CustomerId.of("customer-k-1"));
        assertThat(customers.customerOf(story.get(7))).isEqualTo(CustomerId.of("customer-k-1"));
        assertThat(reads).as("cached after the first read").hasValue(1);
    }

    @Test
    void aFilingNamesItsCustomerWithoutReadingTheStore() {
        ComplaintCustomers customers = new ComplaintCustomers(store, 10);
        List<ComplaintEvent> story = CaseStories.lifecycle("k-2", CaseStories.T0);

        assertThat(customers.customerOf(story.get(0))).isEqualTo(CustomerId.of("customer-k-2"));
        assertThat(customers.customerOf(story.get(1))).isEqualTo(CustomerId.of("customer-k-2"));
        assertThat(reads).hasValue(0);
    }

    @Test
    void theCacheIsBounded() {
        ComplaintCustomers customers = new ComplaintCustomers(store, 3);
        for (int i = 0; i < 10; i++) {
            List<ComplaintEvent> story = CaseStories.lifecycle("k-" + i, CaseStories.T0);
            store.publish(CaseStories.messages(story));
            customers.customerOf(story.get(0));
        }

        assertThat(customers.cached()).isEqualTo(3);
        assertThat(customers.customerOf(CaseStories.lifecycle("k-0", CaseStories.T0).get(1)))
                .as("evicted, so read again").isEqualTo(CustomerId.of("customer-k-0"));
        assertThat(reads).hasValue(1);
    }

    @Test
    void aComplaintNeverFiledIsAnError() {
        ComplaintCustomers customers = new ComplaintCustomers(store, 10);

        assertThatThrownBy(() -> customers.customerOf(CaseStories.lifecycle("k-none", CaseStories.T0).get(2)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("k-none");
    }
}
