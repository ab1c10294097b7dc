package io.careledger.service.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The new-event signal on a real embedded event store over H2 (the service's migrations): a stream of the source
 * takes a callback, the callback is called once committed events have reached the store's shared stream, and the
 * event is then there to read; a closed stream is no longer called.
 */
class SignallingEventSourceTest {
    record Filed(String caseId) {
    }

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final TransactionManager transactions;
    private final EmbeddedEventStore store;
    private final SignallingEventSource source;

    SignallingEventSourceTest() {
        dataSource.setURL("jdbc:h2:mem:signal-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/h2").load().migrate();
        transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
        Serializer serializer = Jackson3Serializer.builder().build();
        store = EmbeddedEventStore.builder().storageEngine(JdbcEventStorageEngine.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(transactions)
                .persistenceExceptionResolver(new SQLStateResolver("23505"))
                .eventSerializer(serializer).snapshotSerializer(serializer).build()).build();
        source = new SignallingEventSource(store);
    }

    @AfterEach
    void close() {
        source.close();
        store.shutDown();
    }

    @Test
    void aStreamIsCalledWhenCommittedEventsArriveAndThenReadsThem() throws InterruptedException {
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createHeadToken());
        AtomicInteger calls = new AtomicInteger();
        assertThat(stream.setOnAvailableCallback(calls::incrementAndGet)).as("callbacks supported").isTrue();
        assertThat(stream.hasNextAvailable()).isFalse();

        // Committed as a command commits: in a unit of work with a transaction, after which the store fetches.
        // The watcher starts with the first stream, so events are added until its first signal.
        List<String> appended = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            appended.add(append("case-" + appended.size()));
            return calls.get() > 0;
        });

        List<String> read = new ArrayList<>();
        while (stream.hasNextAvailable()) {
            TrackedEventMessage<?> event = stream.nextAvailable();
            read.add(((Filed) event.getPayload()).caseId());
        }
        assertThat(read).isNotEmpty().isSubsetOf(appended).contains(appended.get(appended.size() - 1));
        assertThat(source.listeners()).isEqualTo(1);

        stream.close();
        assertThat(source.listeners()).isZero();
    }

    @Test
    void aNewCallbackReplacesTheStreamsPreviousOne() {
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        stream.setOnAvailableCallback(() -> { });
        stream.setOnAvailableCallback(() -> { });
        assertThat(source.listeners()).isEqualTo(1);
        stream.close();
        assertThat(source.listeners()).isZero();
    }

    private String append(String caseId) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        unitOfWork.execute(() -> store.publish(new GenericDomainEventMessage<>("Complaint", caseId, 0, new Filed(caseId))));
        return caseId;
    }
}
