package io.careledger.service.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The H2 migration that moves event payloads, metadata, snapshots and tokens out of the LOB store: a store written
 * under V1–V3 (BLOB columns) through Axon's own engine and token store is migrated in place, and afterwards every
 * event, the snapshot and every token read back unchanged, and new ones are written into the new columns.
 */
class InlineBytesMigrationTest {
    private static final String PROCESSOR = "case-projection";

    record Filed(String caseId, String description, int n) {
    }

    @Test
    void aStoreWrittenUnderBlobsMigratesWithEveryEventAndTokenIntact() throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:bytes-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/h2")
              .target(MigrationVersion.fromVersion("3")).load().migrate();
        assertThat(columnTypes(dataSource)).containsEntry("DOMAINEVENTENTRY.PAYLOAD", "BINARY LARGE OBJECT");

        ConnectionProvider connections = new SpringDataSourceConnectionProvider(dataSource);
        TransactionManager transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
        Serializer serializer = Jackson3Serializer.builder().build();
        JdbcEventStorageEngine before = engine(connections, transactions, serializer);
        List<DomainEventMessage<Filed>> written = new ArrayList<>();
        for (int aggregate = 0; aggregate < 20; aggregate++) {
            for (int sequence = 0; sequence < 5; sequence++) {
                // Payloads of the benchmark's size and beyond, with text outside Latin-1.
                Filed payload = new Filed("case-" + aggregate, "接缝开裂 seam split ".repeat(1 + 40 * sequence), sequence);
                written.add(new GenericDomainEventMessage<>("Complaint", "case-" + aggregate, sequence, payload,
                        MetaData.with("actor", "agent").and("correlationId", UUID.randomUUID().toString())));
            }
        }
        transactions.executeInTransaction(() -> before.appendEvents(written));
        transactions.executeInTransaction(() -> before.storeSnapshot(new GenericDomainEventMessage<>(
                "Complaint", "case-3", 4, new Filed("case-3", "snapshot", 4))));
        JdbcTokenStore tokensBefore = tokens(connections, serializer);
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(90, new TreeSet<>(List.of(12L, 57L, 88L)));
        transactions.executeInTransaction(() -> {
            tokensBefore.initializeTokenSegments(PROCESSOR, 2);
            tokensBefore.fetchToken(PROCESSOR, 0);
            tokensBefore.storeToken(token, PROCESSOR, 0);
        });

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/h2").load().migrate();

        Map<String, String> types = columnTypes(dataSource);
        for (String column : List.of("DOMAINEVENTENTRY.PAYLOAD", "DOMAINEVENTENTRY.METADATA", "SNAPSHOTEVENTENTRY.PAYLOAD",
                "SNAPSHOTEVENTENTRY.METADATA", "TOKENENTRY.TOKEN")) {
            assertThat(types).containsEntry(column, "BINARY VARYING");
        }
        JdbcEventStorageEngine after = engine(connections, transactions, serializer);
        List<? extends TrackedEventMessage<?>> read = after.readEvents(null, false).toList();
        assertThat(read).hasSize(written.size());
        for (int i = 0; i < written.size(); i++) {
            assertThat(read.get(i).getIdentifier()).isEqualTo(written.get(i).getIdentifier());
            assertThat(read.get(i).getPayload()).isEqualTo(written.get(i).getPayload());
            assertThat(read.get(i).getMetaData()).isEqualTo(written.get(i).getMetaData());
        }
        assertThat(after.readSnapshot("case-3")).hasValueSatisfying(snapshot ->
                assertThat(snapshot.getPayload()).isEqualTo(new Filed("case-3", "snapshot", 4)));
        assertThat(after.readEvents("case-7").asStream().map(DomainEventMessage::getPayload).toList())
                .isEqualTo(written.subList(35, 40).stream().map(DomainEventMessage::getPayload).toList());

        JdbcTokenStore tokensAfter = tokens(connections, serializer);
        TrackingToken[] fetched = new TrackingToken[2];
        transactions.executeInTransaction(() -> {
            fetched[0] = tokensAfter.fetchToken(PROCESSOR, 0);
            fetched[1] = tokensAfter.fetchToken(PROCESSOR, 1);
        });
        assertThat(fetched[0]).isEqualTo(token);
        assertThat(fetched[1]).isNull();

        // And the migrated columns take new events and tokens.
        DomainEventMessage<Filed> next = new GenericDomainEventMessage<>("Complaint", "case-0", 5,
                new Filed("case-0", "after", 5));
        transactions.executeInTransaction(() -> after.appendEvents(next));
        GapAwareTrackingToken advanced = token.advanceTo(written.size(), 10_000);
        transactions.executeInTransaction(() -> tokensAfter.storeToken(advanced, PROCESSOR, 0));
        assertThat(after.readEvents("case-0").asStream().map(DomainEventMessage::getPayload).toList())
                .last().isEqualTo(next.getPayload());
        TrackingToken[] stored = new TrackingToken[1];
        transactions.executeInTransaction(() -> stored[0] = tokensAfter.fetchToken(PROCESSOR, 0));
        assertThat(stored[0]).isEqualTo(advanced);
    }

    private static JdbcEventStorageEngine engine(ConnectionProvider connections, TransactionManager transactions,
                                                 Serializer serializer) {
        return JdbcEventStorageEngine.builder().connectionProvider(connections).transactionManager(transactions)
                                     .persistenceExceptionResolver(new SQLStateResolver("23505"))
                                     .eventSerializer(serializer).snapshotSerializer(serializer).build();
    }

    private static JdbcTokenStore tokens(ConnectionProvider connections, Serializer serializer) {
        return JdbcTokenStore.builder().connectionProvider(connections).serializer(serializer).build();
    }

    private static Map<String, String> columnTypes(JdbcDataSource dataSource) throws SQLException {
        Map<String, String> types = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery("""
                     SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS
                     WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME IN ('DOMAINEVENTENTRY', 'SNAPSHOTEVENTENTRY', 'TOKENENTRY')""")) {
            while (rows.next()) {
                types.put(rows.getString(1) + "." + rows.getString(2), rows.getString(3));
            }
        }
        return types;
    }
}
