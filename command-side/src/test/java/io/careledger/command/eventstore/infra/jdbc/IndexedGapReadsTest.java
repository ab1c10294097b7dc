package io.careledger.command.eventstore.infra.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.careledger.command.eventstore.H2EventStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.ReadEventDataWithGapsStatementBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The index-friendly read of events behind a token with gaps, on a real H2 with the service's event table: it
 * returns exactly the rows, in the same order, that Axon's default statement returns, and H2 answers it from the
 * primary key where the default reads the whole table.
 */
class IndexedGapReadsTest {
    private static final EventSchema SCHEMA = new EventSchema();
    /** Every seventh index is missing: a rolled-back or still uncommitted append, as concurrent commands leave. */
    private static final int STORED_UP_TO = 3_000;

    private final DataSource dataSource =
            H2EventStore.dataSource("jdbc:h2:mem:gaps-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    private Connection connection;

    @BeforeEach
    void storeEventsWithHoles() throws SQLException {
        H2EventStore.createTables(dataSource);
        connection = dataSource.getConnection();
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO DomainEventEntry (globalIndex, aggregateIdentifier, sequenceNumber, type, eventIdentifier,
                    metaData, payload, payloadRevision, payloadType, timeStamp) VALUES (?, ?, ?, 'Case', ?, ?, ?, '1',
                    'complaint.filed', '2026-11-24T01:00:00Z')""")) {
            for (long index = 0; index <= STORED_UP_TO; index++) {
                if (index % 7 == 3) {
                    continue;
                }
                insert.setLong(1, index);
                insert.setString(2, "case-" + index / 5);
                insert.setLong(3, index % 5);
                insert.setString(4, "event-" + index);
                insert.setBytes(5, "{}".getBytes());
                insert.setBytes(6, ("{\"n\":" + index + "}").getBytes());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        connection.createStatement().execute("SHUTDOWN");
        connection.close();
    }

    @Test
    void returnsTheRowsOfAxonsStatementInTheSameOrder() throws SQLException {
        Random random = new Random(42);
        List<Case> cases = new ArrayList<>(List.of(
                new Case(100, 100, List.of(5L, 11L, 17L)),               // gaps far behind (17 still a hole), holes in the range
                new Case(2_990, 100, List.of(2_978L, 2_985L)),           // range running past the newest event
                new Case(50, 10, List.of(49L)),                          // a filled gap right below the index
                new Case(10, 5, List.of(3L)),                            // a gap that stays a hole: nothing for it
                new Case(STORED_UP_TO + 10, 100, List.of(5L, 6L))));     // nothing new, only old gaps
        for (int i = 0; i < 200; i++) {
            long index = random.nextInt(STORED_UP_TO);
            List<Long> gaps = LongStream.range(Math.max(0, index - 500), index)
                                        .filter(gap -> random.nextInt(20) == 0).boxed().toList();
            cases.add(new Case(index, 1 + random.nextInt(200), gaps.isEmpty() ? List.of(index - 1) : gaps));
        }
        for (Case c : cases) {
            List<Long> expected = indices(JdbcEventStorageEngineStatements::readEventDataWithGaps, c);
            assertThat(indices(IndexedGapReads::readEventDataWithGaps, c)).as(c.toString()).isEqualTo(expected);
        }
        assertThat(indices(IndexedGapReads::readEventDataWithGaps, cases.get(0)))
                .as("the statement is not vacuous").contains(5L, 11L, 102L, 200L).doesNotContain(3L, 17L, 100L, 101L, 201L);
    }

    @Test
    void h2AnswersItFromThePrimaryKeyWhereAxonsStatementScansTheTable() throws SQLException {
        Case polled = new Case(2_000, 100, List.of(1_900L, 1_950L, 1_990L));
        String axons = plan(JdbcEventStorageEngineStatements::readEventDataWithGaps, polled);
        String ours = plan(IndexedGapReads::readEventDataWithGaps, polled);

        // H2 walks Axon's statement along the whole primary key (for the order) and tests every row; ours looks up
        // the gaps and the range. EXPLAIN ANALYZE counts the rows each index access read.
        assertThat(axons).containsPattern("PRIMARY_KEY_\\w* \\*/").doesNotContain(": GLOBALINDEX");
        assertThat(scanned(axons)).isGreaterThan(2_500);
        assertThat(ours).containsPattern("PRIMARY_KEY_\\w*: GLOBALINDEX IN\\(\\?1, \\?2, \\?3\\) \\*/")
                        .containsPattern("PRIMARY_KEY_\\w*: GLOBALINDEX > \\?6");
        assertThat(scanned(ours)).isLessThanOrEqualTo(3 + 101);
    }

    /** The sum of H2's scan counts in an analysed plan. */
    private static long scanned(String plan) {
        return Pattern.compile("scanCount: (\\d+)").matcher(plan).results()
                      .mapToLong(match -> Long.parseLong(match.group(1))).sum();
    }

    private List<Long> indices(ReadEventDataWithGapsStatementBuilder statement, Case c) throws SQLException {
        List<Long> indices = new ArrayList<>();
        try (PreparedStatement query = statement.build(connection, SCHEMA, c.index(), c.batchSize(), c.gaps());
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                indices.add(rows.getLong(SCHEMA.globalIndexColumn()));
                assertThat(new String(rows.getBytes(SCHEMA.payloadColumn())))
                        .isEqualTo("{\"n\":" + rows.getLong(SCHEMA.globalIndexColumn()) + "}");
            }
        }
        return indices;
    }

    /** H2's plan for the statement exactly as built, parameters bound: the builder's SQL prefixed with EXPLAIN ANALYZE. */
    private String plan(ReadEventDataWithGapsStatementBuilder statement, Case c) throws SQLException {
        Connection explaining = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement") && args.length == 1) {
                        return connection.prepareStatement("EXPLAIN ANALYZE " + args[0]);
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement query = statement.build(explaining, SCHEMA, c.index(), c.batchSize(), c.gaps());
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                plan.append(rows.getString(1));
            }
        }
        return plan.toString();
    }

    private record Case(long index, int batchSize, List<Long> gaps) {
    }
}
