package io.careledger.command.refund.infra;

import io.careledger.api.common.OrderId;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.PurchaseRecorded;
import io.careledger.command.refund.CustomerPurchases;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Answers from the customer's own stream in the event store, so a purchase recorded a moment ago already
 * identifies its order. Reads the whole stream; the customer aggregate is not snapshotted.
 */
public class EventStoreCustomerPurchases implements CustomerPurchases {

    private final EventStore eventStore;

    public EventStoreCustomerPurchases(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<RecordedPurchase> find(CustomerId customerId, OrderId orderId) {
        DomainEventStream stream = eventStore.readEvents(customerId.value());
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof PurchaseRecorded purchase
                    && purchase.customerId().equals(customerId) && purchase.orderId().equals(orderId)) {
                return Optional.of(new RecordedPurchase(purchase.storeId(), List.copyOf(purchase.lines())));
            }
        }
        return Optional.empty();
    }
}
