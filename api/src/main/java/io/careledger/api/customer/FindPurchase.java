package io.careledger.api.customer;

import io.careledger.api.common.OrderId;
import java.util.Optional;

/** One recorded purchase of a customer, from the event store. Answers {@code Optional<PurchaseView>}. */
public record FindPurchase(CustomerId customerId, OrderId orderId) {
}
