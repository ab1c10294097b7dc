package io.careledger.query.customer;

import io.careledger.api.customer.CustomerRegistered;
import io.careledger.api.customer.CustomerView;
import io.careledger.api.customer.FindCustomer;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * The customer as recorded, read straight from the customer's own event stream: exact and immediate, which
 * is what a mutation needs to show its result. The searchable customer read model comes with the customer
 * file slice.
 */
@Component
class CustomerFileQueries {
    private final EventStore eventStore;

    CustomerFileQueries(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @QueryHandler
    Optional<CustomerView> handle(FindCustomer query) {
        var events = eventStore.readEvents(query.customerId().value());
        if (!events.hasNext() || !(events.peek().getPayload() instanceof CustomerRegistered registered)) {
            return Optional.empty();
        }
        return Optional.of(new CustomerView(registered.customerId(), registered.name(), registered.tier(),
                registered.homeStoreId(), registered.occurredAt()));
    }
}
