package io.careledger.command.config;

import io.careledger.command.eventstore.infra.jdbc.IndexedGapReads;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Events in the application's database (the embedded default: {@code careledger.event-store} absent or
 * {@code jdbc}). The same engine Axon's JDBC auto-configuration would build, with one statement replaced: the read
 * of new events behind a token with gaps ({@link IndexedGapReads}), which the database otherwise answers by reading
 * the whole event table. {@link KurrentDbConfiguration} takes over when {@code careledger.event-store=kurrentdb}.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "careledger.event-store", havingValue = "jdbc", matchIfMissing = true)
public class JdbcEventStoreConfiguration {

    @Bean
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 Configuration configuration) {
        return JdbcEventStorageEngine.builder()
                                     .snapshotSerializer(defaultSerializer)
                                     .eventSerializer(eventSerializer)
                                     .upcasterChain(configuration.upcasterChain())
                                     .snapshotFilter(configuration.snapshotFilter())
                                     .persistenceExceptionResolver(persistenceExceptionResolver)
                                     .connectionProvider(connectionProvider)
                                     .transactionManager(transactionManager)
                                     .readEventDataWithGaps(IndexedGapReads::readEventDataWithGaps)
                                     .build();
    }
}
