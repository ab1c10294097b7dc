package io.careledger.query.customer;

import static io.careledger.query.customer.CustomerStories.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.careledger.api.customer.CustomerEvent;
import io.careledger.query.elasticsearch.TestElasticsearch;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Convention 8 for customers: whatever the delivery, the document is the one a single in-order application gives. */
class CustomerProjectionIT {
    private static final ElasticsearchClient client = TestElasticsearch.client();
    private static final CustomerIndex index = new CustomerIndex(client, "it-customer-projection");
    private final EventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final CustomerProjection projection = new CustomerProjection(index, store);

    @BeforeAll
    static void createIndex() throws IOException {
        index.ensureExists();
    }

    @Test
    void theIndexFamilyIsCreatedOnceBehindBothAliases() throws IOException {
        index.ensureExists();

        assertThat(index.readIndex()).isEqualTo(index.writeIndex()).isEqualTo("it-customer-projection-000001");
    }

    @Test
    void appliedOnceInOrderTheDocumentIsTheFoldOfAllEvents() throws IOException {
        List<DomainEventMessage<CustomerEvent>> messages = stored("cp-once");

        deliver(messages);

        assertThat(index.get(index.readAlias(), "cp-once")).contains(expected(messages));
    }

    @Test
    void appliedTwiceTheDocumentIsTheSame() throws IOException {
        List<DomainEventMessage<CustomerEvent>> messages = stored("cp-twice");

        deliver(messages);
        deliver(messages);

        assertThat(index.get(index.readAlias(), "cp-twice")).contains(expected(messages));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void outOfOrderAndWithDuplicatesTheDocumentIsTheSame(long seed) throws IOException {
        String id = "cp-shuffled-" + seed;
        List<DomainEventMessage<CustomerEvent>> messages = stored(id);
        Random random = new Random(seed);
        List<DomainEventMessage<CustomerEvent>> delivery = new ArrayList<>();
        for (DomainEventMessage<CustomerEvent> message : messages) {
            for (int copies = 1 + random.nextInt(3); copies > 0; copies--) {
                delivery.add(message);
            }
        }
        Collections.shuffle(delivery, random);

        deliver(delivery);

        assertThat(index.get(index.readAlias(), id)).contains(expected(messages));
    }

    @Test
    void aGapIsFilledByRefoldingFromTheEventStore() throws IOException {
        List<DomainEventMessage<CustomerEvent>> messages = stored("cp-gap");
        deliver(messages.subList(0, 5));

        // Events 5 to 10 never arrive; event 11 (the second purchase) finds the document 6 events behind.
        deliver(messages.subList(11, 12));

        CustomerDocument document = index.get(index.readAlias(), "cp-gap").orElseThrow();
        assertThat(document).isEqualTo(CustomerStories.document(payloads(messages.subList(0, 12))));
        assertThat(document.customer().version()).isEqualTo(11);
        assertThat(document.annualSpend()).as("both purchases, the missed one refolded")
                .extracting(AnnualSpend::year).containsExactly(2025, 2026);
    }

    @Test
    void aFirstDeliveryOfALaterEventRefoldsEverythingBeforeIt() throws IOException {
        List<DomainEventMessage<CustomerEvent>> messages = stored("cp-late-start");

        deliver(messages.subList(9, 10));

        assertThat(index.get(index.readAlias(), "cp-late-start"))
                .contains(CustomerStories.document(payloads(messages.subList(0, 10))));
    }

    @Test
    void elasticsearchRefusesAStaleWrite() throws IOException {
        List<DomainEventMessage<CustomerEvent>> messages = stored("cp-stale");
        deliver(messages);
        CustomerDocument stale = CustomerStories.document(payloads(messages.subList(0, 4)));

        assertThat(index.put(index.writeIndex(), stale)).isFalse();
        assertThat(index.get(index.readAlias(), "cp-stale")).contains(expected(messages));
    }

    @Test
    void theStoredDocumentKeepsExactAmountsAndTheSpendPerYear() throws IOException {
        deliver(stored("cp-shape"));

        Map<?, ?> source = client.get(get -> get.index(index.readAlias()).id("cp-shape"), Map.class).source();

        assertThat(((Map<?, ?>) source.get("customer")).get("cumulativeSpend").toString()).contains("amount=1799.50");
        assertThat(((Map<?, ?>) source.get("customer")).get("registeredAt")).isEqualTo("2026-01-01T00:00:00.123456789Z");
        assertThat(source.get("annualSpend").toString()).contains("year=2025").contains("amount=599.00")
                .contains("hundredths=59900").contains("amount=1200.5").contains("hundredths=120050");
    }

    private List<DomainEventMessage<CustomerEvent>> stored(String id) {
        List<DomainEventMessage<CustomerEvent>> messages = CustomerStories.messages(CustomerStories.lifecycle(id, T0));
        store.publish(messages);
        return messages;
    }

    private void deliver(List<DomainEventMessage<CustomerEvent>> messages) throws IOException {
        for (DomainEventMessage<CustomerEvent> message : messages) {
            projection.on(message.getPayload(), message.getSequenceNumber());
        }
    }

    private static CustomerDocument expected(List<DomainEventMessage<CustomerEvent>> messages) {
        return CustomerStories.document(payloads(messages));
    }

    private static List<CustomerEvent> payloads(List<DomainEventMessage<CustomerEvent>> messages) {
        return messages.stream().map(DomainEventMessage::getPayload).toList();
    }
}
