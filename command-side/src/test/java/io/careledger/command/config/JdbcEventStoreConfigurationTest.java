package io.careledger.command.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.careledger.command.eventstore.infra.kurrentdb.KurrentEventStorageEngine;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The embedded default builds the JDBC engine with the index-friendly read; KurrentDB, when asked for, replaces it. */
class JdbcEventStoreConfigurationTest {

    private final ApplicationContextRunner runner = KurrentDbConfigurationTest.EVENT_STORE
            .withUserConfiguration(JdbcEventStoreConfiguration.class)
            .withBean(ConnectionProvider.class, () -> mock(ConnectionProvider.class))
            .withBean(TransactionManager.class, () -> mock(TransactionManager.class))
            .withBean(PersistenceExceptionResolver.class, () -> mock(PersistenceExceptionResolver.class));

    @Test
    void theJdbcEngineIsTheDefault() {
        runner.run(context -> assertThat(context).getBean(EventStorageEngine.class)
                                                 .isInstanceOf(JdbcEventStorageEngine.class));
        runner.withPropertyValues("careledger.event-store=jdbc")
              .run(context -> assertThat(context).getBean(EventStorageEngine.class)
                                                 .isInstanceOf(JdbcEventStorageEngine.class));
    }

    @Test
    void kurrentDbReplacesIt() {
        runner.withPropertyValues("careledger.event-store=kurrentdb",
                        "careledger.kurrentdb.connection-string=kurrentdb://127.0.0.1:1?tls=false")
              .run(context -> assertThat(context).getBean(EventStorageEngine.class)
                                                 .isInstanceOf(KurrentEventStorageEngine.class));
    }
}
