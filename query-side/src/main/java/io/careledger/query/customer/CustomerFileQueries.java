package io.careledger.query.customer;

import java.util.Optional;

import io.careledger.api.customer.CustomerEvent;
import io.careledger.api.customer.CustomerView;
import io.careledger.api.customer.FindCustomer;
import io.careledger.query.projection.StoredEvents;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * The customer as recorded, replayed from the customer's own event stream: exact and immediate, which is what
 * a mutation needs to show its result. {@code openCases} and {@code lastContactAt} are null here; they come
 * from the read models ({@code FindCustomerActivity}).
 */
@Component
class CustomerFileQueries {
    private final EventStore eventStore;

    CustomerFileQueries(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @QueryHandler
    Optional<CustomerView> handle(FindCustomer query) {
        return StoredEvents.fold(eventStore, query.customerId().value(), CustomerEvent.class, CustomerFold::apply);
    }
}
