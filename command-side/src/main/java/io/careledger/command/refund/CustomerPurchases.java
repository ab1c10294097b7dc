package io.careledger.command.refund;

import io.careledger.api.common.OrderId;
import io.careledger.api.customer.CustomerId;

/**
 * Whether the member's recorded purchases identify an order ("no receipt needed", DOMAIN.md §5). A port so the
 * refund aggregate does not know how customers are stored.
 */
@FunctionalInterface
public interface CustomerPurchases {

    boolean identifies(CustomerId customerId, OrderId orderId);
}
