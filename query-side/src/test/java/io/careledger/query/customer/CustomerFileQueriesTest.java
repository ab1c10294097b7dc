package io.careledger.query.customer;

import static io.careledger.query.customer.CustomerStories.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.careledger.api.customer.CustomerEvent;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.CustomerView;
import io.careledger.api.customer.FindCustomer;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

class CustomerFileQueriesTest {
    private final EventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final CustomerFileQueries queries = new CustomerFileQueries(store);

    @Test
    void theCustomerIsEveryStoredEventFoldedAsItStandsNow() {
        List<CustomerEvent> story = CustomerStories.lifecycle("f-1", T0);
        store.publish(CustomerStories.messages(story));

        CustomerView view = queries.handle(new FindCustomer(CustomerId.of("f-1"))).orElseThrow();

        assertThat(view).isEqualTo(CustomerStories.fold(story));
        assertThat(view.version()).isEqualTo(story.size() - 1);
        assertThat(view.openCases()).isNull();
        assertThat(view.lastContactAt()).isNull();
    }

    @Test
    void aCustomerNeverRegisteredIsNotFound() {
        assertThat(queries.handle(new FindCustomer(CustomerId.of("f-none")))).isEmpty();
    }
}
