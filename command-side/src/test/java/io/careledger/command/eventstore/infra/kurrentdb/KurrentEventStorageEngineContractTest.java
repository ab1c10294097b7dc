package io.careledger.command.eventstore.infra.kurrentdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.careledger.command.eventstore.EventStorageEngineContract;
import io.careledger.command.eventstore.infra.kurrentdb.testserver.KurrentTestServer;
import io.kurrent.dbclient.EventDataBuilder;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.RecordedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The storage contract on the KurrentDB engine, through the real client and real gRPC to the test server, plus
 * what only this engine has to show: its stream layout, the filter on {@code $all}, live reads and connection loss.
 */
class KurrentEventStorageEngineContractTest extends EventStorageEngineContract {
    /**
     * The service's default operation timeout. A shorter one made the first append (which also opens the gRPC
     * channel) fail on a loaded 2-core machine.
     */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static KurrentTestServer server;
    private static KurrentConnection connection;

    @BeforeAll
    static void startServer() {
        server = new KurrentTestServer().start();
        connection = new KurrentConnection(server.connectionString(), TIMEOUT);
    }

    @AfterAll
    static void stopServer() {
        connection.close();
        server.close();
    }

    @Override
    protected EventStorageEngine engine(Serializer serializer) {
        return KurrentEventStorageEngine.builder().connection(connection).streamNames(new StreamNames("careledger"))
                                        .eventSerializer(serializer).snapshotSerializer(serializer).build();
    }

    @Override
    protected boolean repeatedAppendSucceeds() {
        return true;
    }

    @Test
    void eachAggregateIsAStreamNamedByItsIdWhoseRevisionIsTheSequence() throws Exception {
        String aggregate = newAggregate();
        engine.appendEvents(noted(aggregate, 0, "filed"), noted(aggregate, 1, "acked"));

        List<RecordedEvent> records = connection.await("read", client -> client.readStream("careledger-" + aggregate,
                ReadStreamOptions.get().forwards().fromStart())).getEvents().stream().map(e -> e.getOriginalEvent()).toList();

        assertThat(records).extracting(RecordedEvent::getRevision).containsExactly(0L, 1L);
        assertThat(records).extracting(RecordedEvent::getEventType).containsOnly(Noted.class.getName());
        assertThat(new String(records.get(0).getEventData(), StandardCharsets.UTF_8)).contains("\"text\":\"filed\"");
        assertThat(new String(records.get(0).getUserMetadata(), StandardCharsets.UTF_8))
                .contains("\"aggregateType\":\"ComplaintAggregate\"", "\"actor\":\"agent\"", "\"correlationId\":\"c-filed\"");
    }

    @Test
    void theGlobalReadSkipsSystemEventsAndOtherApplicationsStreams() throws Exception {
        String aggregate = newAggregate();
        engine.appendEvents(noted(aggregate, 0, "ours"));
        for (String foreign : List.of("$stats-node", "billing-" + aggregate, "careledgerx-" + aggregate)) {
            connection.await("append", client -> client.appendToStream(foreign,
                    EventDataBuilder.json("other.thing", "{}".getBytes(StandardCharsets.UTF_8)).build()));
        }
        engine.appendEvents(noted(aggregate, 1, "ours again"));

        assertThat(readNew()).extracting(e -> ((Noted) e.getPayload()).text()).containsExactly("ours", "ours again");
    }

    @Test
    void aBlockingReadWaitsForTheNextEventWithoutPolling() {
        String aggregate = newAggregate();
        TrackingToken head = engine.createHeadToken();
        List<Object> received = new CopyOnWriteArrayList<>();
        Stream<? extends TrackedEventMessage<?>> live = engine.readEvents(head, true);
        Iterator<? extends TrackedEventMessage<?>> events = live.iterator();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            while (events.hasNext()) {
                received.add(events.next().getPayload());
            }
        });

        engine.appendEvents(noted(aggregate, 0, "pushed"));
        await().atMost(Duration.ofSeconds(5)).until(() -> received.contains(new Noted(aggregate, "pushed")));

        live.close();
        await().atMost(Duration.ofSeconds(5)).until(reader::isDone);
        assertThat(received).containsExactly(new Noted(aggregate, "pushed"));
    }

    @Test
    void withoutTheServerAppendsFailFastAndEverythingResumesWhenItReturns() {
        String aggregate = newAggregate();
        engine.appendEvents(noted(aggregate, 0, "before"));
        TrackingToken afterFirst = readNew().get(0).trackingToken();

        server.stop();
        long started = System.nanoTime();
        assertThatThrownBy(() -> engine.appendEvents(noted(aggregate, 1, "while down")))
                .isInstanceOf(KurrentUnavailableException.class)
                .hasMessageContaining("KurrentDB at kurrentdb://127.0.0.1:" + server.port());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.plusSeconds(2));
        assertThatThrownBy(() -> readAfter(afterFirst)).isInstanceOf(KurrentUnavailableException.class);

        server.start();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
               .untilAsserted(() -> engine.appendEvents(noted(aggregate, 1, "after")));

        assertThat(readAfter(afterFirst)).extracting(e -> ((Noted) e.getPayload()).text()).containsExactly("after");
        assertThat(engine.readEvents(aggregate).asStream().map(e -> ((Noted) e.getPayload()).text()))
                .containsExactly("before", "after");
    }
}
