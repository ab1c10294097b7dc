package io.careledger.command.customer.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.careledger.api.common.Channel;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.CustomerPersonalDataErased;
import io.careledger.api.customer.CustomerRegistered;
import io.careledger.api.customer.Tier;
import io.careledger.command.eventstore.ForwardingSerializer;
import io.careledger.command.eventstore.H2EventStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * On the embedded default's engine (Axon's JDBC engine on H2), where payloads are deserialized only when asked
 * for: answering whether a customer exists or was erased must not deserialize (and, in the service, decrypt) the
 * customer's events, since every complaint filed asks both.
 */
class EventStoreKnownCustomersOnJdbcTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private final DataSource dataSource =
            H2EventStore.dataSource("jdbc:h2:mem:known-customers-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    private final ConnectionProvider connections = new SpringDataSourceConnectionProvider(dataSource);
    private final CountingSerializer serializer = new CountingSerializer(Jackson3Serializer.builder().build());
    private final EmbeddedEventStore eventStore;
    private final EventStoreKnownCustomers customers;

    EventStoreKnownCustomersOnJdbcTest() {
        H2EventStore.createTables(dataSource);
        eventStore = EmbeddedEventStore.builder()
                                       .storageEngine(H2EventStore.engine(connections,
                                               new SpringTransactionManager(new DataSourceTransactionManager(dataSource)),
                                               serializer))
                                       .build();
        customers = new EventStoreKnownCustomers(eventStore);
    }

    @AfterEach
    void shutDown() throws SQLException {
        eventStore.shutDown();
        try (Connection connection = connections.getConnection()) {
            connection.createStatement().execute("SHUTDOWN");
        }
    }

    @Test
    void answersFromTheStoredTypesWithoutDeserializingAPayload() {
        CustomerId kept = CustomerId.of("customer-kept");
        CustomerId erased = CustomerId.of("customer-erased");
        for (CustomerId id : new CustomerId[] {kept, erased}) {
            eventStore.publish(new GenericDomainEventMessage<>("CustomerAggregate", id.value(), 0,
                    new CustomerRegistered(id, "Li Na", "13812345678", null, null, null, StoreId.of("store-7"),
                            Channel.APP, Set.of(), null, null, null, Tier.MEMBER, StaffId.of("clerk-1"), NOW)));
        }
        eventStore.publish(new GenericDomainEventMessage<>("CustomerAggregate", erased.value(), 1,
                new CustomerPersonalDataErased(erased, "request 42", StaffId.of("admin"), NOW)));
        serializer.payloadsRead.set(0);

        assertThat(customers.exists(kept)).isTrue();
        assertThat(customers.exists(erased)).isTrue();
        assertThat(customers.exists(CustomerId.of("customer-unknown"))).isFalse();
        assertThat(customers.personalDataErased(kept)).isFalse();
        assertThat(customers.personalDataErased(erased)).isTrue();

        assertThat(serializer.payloadsRead).hasValue(0);
    }

    /** Counts the payloads it deserializes (metadata aside). */
    private record CountingSerializer(Serializer delegate, AtomicInteger payloadsRead) implements ForwardingSerializer {
        CountingSerializer(Serializer delegate) {
            this(delegate, new AtomicInteger());
        }

        @Override
        public <S, T> T deserialize(SerializedObject<S> serializedObject) {
            if (!MetaData.class.equals(delegate.classForType(serializedObject.getType()))) {
                payloadsRead.incrementAndGet();
            }
            return delegate.deserialize(serializedObject);
        }
    }
}
