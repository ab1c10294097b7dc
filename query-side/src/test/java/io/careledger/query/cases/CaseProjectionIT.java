package io.careledger.query.cases;

import static io.careledger.query.cases.CaseStories.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.careledger.api.complaint.ComplaintEvent;
import io.careledger.api.complaint.ComplaintView;
import io.careledger.query.elasticsearch.TestElasticsearch;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Convention 8: whatever the delivery, the document is the one a single in-order application gives. */
class CaseProjectionIT {
    private static final ElasticsearchClient client = TestElasticsearch.client();
    private static final CaseIndex index = new CaseIndex(client, "it-projection");
    private final EventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final CaseProjection projection =
            new CaseProjection(index, new CaseHistory(store, Jackson3Serializer.builder().build()));

    @BeforeAll
    static void createIndex() throws IOException {
        index.ensureExists();
    }

    @Test
    void creatingTheIndexAgainChangesNothing() throws IOException {
        index.ensureExists();

        assertThat(index.readIndex()).isEqualTo(index.writeIndex()).isEqualTo("it-projection-000001");
    }

    @Test
    void appliedOnceInOrderTheDocumentIsTheFoldOfAllEvents() throws IOException {
        List<DomainEventMessage<ComplaintEvent>> messages = stored("p-once");

        deliver(messages);

        assertThat(index.get(index.readAlias(), "p-once")).contains(expected(messages));
    }

    @Test
    void appliedTwiceTheDocumentIsTheSame() throws IOException {
        List<DomainEventMessage<ComplaintEvent>> messages = stored("p-twice");

        deliver(messages);
        deliver(messages);

        assertThat(index.get(index.readAlias(), "p-twice")).contains(expected(messages));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void outOfOrderAndWithDuplicatesTheDocumentIsTheSame(long seed) throws IOException {
        String id = "p-shuffled-" + seed;
        List<DomainEventMessage<ComplaintEvent>> messages = stored(id);
        Random random = new Random(seed);
        List<DomainEventMessage<ComplaintEvent>> delivery = new ArrayList<>();
        for (DomainEventMessage<ComplaintEvent> message : messages) {
            for (int copies = 1 + random.nextInt(3); copies > 0; copies--) {
                delivery.add(message);
            }
        }
        Collections.shuffle(delivery, random);

        deliver(delivery);

        assertThat(index.get(index.readAlias(), id)).contains(expected(messages));
    }

    @Test
    void lateEventsOfAnAlreadyNewerDocumentChangeNothing() throws IOException {
        List<DomainEventMessage<ComplaintEvent>> messages = stored("p-late");
        deliver(messages);

        deliver(messages.subList(3, 6));

        assertThat(index.get(index.readAlias(), "p-late")).contains(expected(messages));
    }

    @Test
    void elasticsearchRefusesAStaleWrite() throws IOException {
        List<DomainEventMessage<ComplaintEvent>> messages = stored("p-stale");
        deliver(messages);
        ComplaintView stale = CaseStories.fold(payloads(messages.subList(0, 4)));

        boolean written = index.put(index.writeIndex(), stale);

        assertThat(written).isFalse();
        assertThat(index.get(index.readAlias(), "p-stale")).contains(expected(messages));
    }

    @Test
    void theStoredDocumentSaysItsKindAndKeepsExactAmounts() throws IOException {
        deliver(stored("p-shape"));

        Map<?, ?> source = client.get(get -> get.index(index.readAlias()).id("p-shape"), Map.class).source();

        assertThat(source.get("kind")).isEqualTo("COMPLAINT");
        assertThat(source.get("filedAt")).isEqualTo("2026-03-01T08:00:00.123456789Z");
        assertThat(source.get("compensation").toString()).contains("amount=12.50").contains("amount=20.00");
    }

    private List<DomainEventMessage<ComplaintEvent>> stored(String id) {
        List<DomainEventMessage<ComplaintEvent>> messages = CaseStories.messages(CaseStories.lifecycle(id, T0));
        store.publish(messages);
        return messages;
    }

    private void deliver(List<DomainEventMessage<ComplaintEvent>> messages) throws IOException {
        for (DomainEventMessage<ComplaintEvent> message : messages) {
            projection.on(message.getPayload(), message.getSequenceNumber());
        }
    }

    private static ComplaintView expected(List<DomainEventMessage<ComplaintEvent>> messages) {
        return CaseStories.fold(payloads(messages));
    }

    private static List<ComplaintEvent> payloads(List<DomainEventMessage<ComplaintEvent>> messages) {
        return messages.stream().map(DomainEventMessage::getPayload).toList();
    }
}
