package io.careledger.command.eventstore;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The storage contract on Axon's JDBC engine, the embedded default, over an in-memory H2 of its own. Conflicts are
 * recognised by SQL state, as the service configures it: H2 reports a batch insert's duplicate key in a
 * {@code BatchUpdateException} that Axon's default resolver does not look into.
 */
class JdbcEventStorageEngineContractTest extends EventStorageEngineContract {
    private final DataSource dataSource =
            H2EventStore.dataSource("jdbc:h2:mem:contract-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    private final ConnectionProvider connections = new SpringDataSourceConnectionProvider(dataSource);
    /** A batch is one transaction, as in the service, so a conflicting batch leaves nothing behind. */
    private final TransactionManager transactions =
            new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
    private boolean schemaCreated;

    @Override
    protected EventStorageEngine engine(Serializer serializer) {
        if (!schemaCreated) {
            H2EventStore.createTables(dataSource);
            schemaCreated = true;
        }
        return H2EventStore.engine(connections, transactions, serializer);
    }

    @Override
    protected boolean repeatedAppendSucceeds() {
        return false;
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        try (Connection connection = connections.getConnection()) {
            connection.createStatement().execute("SHUTDOWN");
        }
    }
}
