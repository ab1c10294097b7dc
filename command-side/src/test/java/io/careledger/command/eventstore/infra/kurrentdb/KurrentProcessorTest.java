package io.careledger.command.eventstore.infra.kurrentdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.careledger.command.eventstore.EventStorageEngineContract.Noted;
import io.careledger.command.eventstore.infra.kurrentdb.testserver.KurrentTestServer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A pooled streaming processor with several segments, fed by Axon's embedded event store on the KurrentDB engine:
 * the way the service consumes events. The store reads privately until caught up, then tails one live read.
 */
class KurrentProcessorTest {
    private final KurrentTestServer server = new KurrentTestServer().start();
    private final KurrentConnection connection = new KurrentConnection(server.connectionString(), Duration.ofSeconds(15));
    private final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(
            KurrentEventStorageEngine.builder().connection(connection).eventSerializer(Jackson3Serializer.builder().build())
                                     .snapshotSerializer(Jackson3Serializer.builder().build()).build()).build();
    private final List<Object> handled = new CopyOnWriteArrayList<>();
    private PooledStreamingEventProcessor processor;

    @AfterEach
    void stop() {
        if (processor != null) {
            processor.shutDown();
        }
        store.shutDown();
        connection.close();
        server.close();
    }

    @Test
    void eventsBeforeAndAfterTheStartReachTheProcessorOnce() {
        String aggregate = UUID.randomUUID().toString();
        store.publish(new GenericDomainEventMessage<>("T", aggregate, 0, new Noted(aggregate, "before start")));
        EventMessageHandler handler = new EventMessageHandler() {
            @Override
            public Object handle(EventMessage<?> event) {
                handled.add(event.getPayload());
                return null;
            }

            @Override
            public boolean canHandle(EventMessage<?> event) {
                return true;
            }
        };
        processor = PooledStreamingEventProcessor.builder().name("projection")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handler).build())
                .rollbackConfiguration(RollbackConfigurationType.ANY_THROWABLE)
                .messageSource(store).tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .coordinatorExecutor(Executors.newSingleThreadScheduledExecutor())
                .workerExecutor(Executors.newScheduledThreadPool(2))
                .initialSegmentCount(4).build();
        processor.start();
        store.publish(new GenericDomainEventMessage<>("T", aggregate, 1, new Noted(aggregate, "after start")));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(handled)
                .containsExactly(new Noted(aggregate, "before start"), new Noted(aggregate, "after start")));
    }
}
