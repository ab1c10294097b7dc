package io.careledger.command.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.careledger.command.eventstore.infra.kurrentdb.KurrentEventStorageEngine;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The event store is chosen by configuration: KurrentDB only when asked for, the default otherwise. */
class KurrentDbConfigurationTest {

    /** The KurrentDB configuration with what it needs from Axon and the application; the JDBC test adds its part. */
    static final ApplicationContextRunner EVENT_STORE = new ApplicationContextRunner()
            .withUserConfiguration(KurrentDbConfiguration.class)
            .withBean("serializer", Serializer.class, () -> mock(Serializer.class), primary -> primary.setPrimary(true))
            .withBean("eventSerializer", Serializer.class, () -> mock(Serializer.class))
            .withBean(Configuration.class, KurrentDbConfigurationTest::axon);

    private final ApplicationContextRunner runner = EVENT_STORE;

    private static Configuration axon() {
        Configuration axon = mock(Configuration.class);
        Mockito.when(axon.upcasterChain()).thenReturn(new EventUpcasterChain());
        Mockito.when(axon.snapshotFilter()).thenReturn(SnapshotFilter.allowAll());
        return axon;
    }

    @Test
    void kurrentDbIsTheEventStoreWhenConfigured() {
        runner.withPropertyValues("careledger.event-store=kurrentdb",
                        "careledger.kurrentdb.connection-string=kurrentdb://127.0.0.1:1?tls=false")
              .run(context -> assertThat(context).getBean(EventStorageEngine.class)
                                                 .isInstanceOf(KurrentEventStorageEngine.class));
    }

    @Test
    void withoutTheSettingNothingChanges() {
        runner.run(context -> assertThat(context).doesNotHaveBean(EventStorageEngine.class));
        runner.withPropertyValues("careledger.event-store=jdbc")
              .run(context -> assertThat(context).doesNotHaveBean(EventStorageEngine.class));
    }

    @Test
    void aMissingConnectionStringStopsTheApplicationWithItsName() {
        runner.withPropertyValues("careledger.event-store=kurrentdb")
              .run(context -> assertThat(context).getFailure().rootCause()
                                                 .hasMessageContaining("careledger.kurrentdb.connection-string"));
    }
}
