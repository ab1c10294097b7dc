package io.careledger.command.config;

import io.careledger.command.eventstore.infra.kurrentdb.KurrentConnection;
import io.careledger.command.eventstore.infra.kurrentdb.KurrentEventStorageEngine;
import io.careledger.command.eventstore.infra.kurrentdb.StreamNames;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Events in KurrentDB instead of the default JDBC tables, when {@code careledger.event-store=kurrentdb}. Declaring
 * the {@link EventStorageEngine} here makes Axon's JDBC auto-configuration step back from the events while it
 * still keeps tokens, dead letters and sagas in the application's database. Anything else (absent or
 * {@code jdbc}) leaves the default untouched.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "careledger.event-store", havingValue = "kurrentdb")
@EnableConfigurationProperties(KurrentDbProperties.class)
public class KurrentDbConfiguration {

    @Bean(destroyMethod = "close")
    public KurrentConnection kurrentConnection(KurrentDbProperties properties) {
        return new KurrentConnection(properties.connectionString(), properties.operationTimeout());
    }

    @Bean
    public EventStorageEngine eventStorageEngine(KurrentConnection connection, KurrentDbProperties properties,
                                                 Serializer defaultSerializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 Configuration configuration) {
        return KurrentEventStorageEngine.builder()
                                        .connection(connection)
                                        .streamNames(new StreamNames(properties.streamPrefix()))
                                        .eventSerializer(eventSerializer)
                                        .snapshotSerializer(defaultSerializer)
                                        .upcasterChain(configuration.upcasterChain())
                                        .snapshotFilter(configuration.snapshotFilter())
                                        .build();
    }
}
