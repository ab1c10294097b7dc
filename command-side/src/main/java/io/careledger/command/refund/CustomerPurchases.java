package io.careledger.command.refund;

import io.careledger.api.common.OrderId;
import io.careledger.api.common.StoreId;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.PurchaseLine;
import java.util.List;
import java.util.Optional;

/**
 * The member's recorded purchase of an order, if any ("no receipt needed", DOMAIN.md §5): it identifies the order,
 * and tells the store and the lines, so a refund or repair can take its store and sale price from it. A port so
 * the aggregates do not know how customers are stored.
 */
@FunctionalInterface
public interface CustomerPurchases {

    Optional<RecordedPurchase> find(CustomerId customerId, OrderId orderId);

    default boolean identifies(CustomerId customerId, OrderId orderId) {
        return find(customerId, orderId).isPresent();
    }

    /** What the purchase recorded: where, and which lines. */
    record RecordedPurchase(StoreId storeId, List<PurchaseLine> lines) {

        /** The line of {@code sku}, if the purchase had one. */
        public Optional<PurchaseLine> line(String sku) {
            return lines.stream().filter(line -> line.sku().equals(sku)).findFirst();
        }
    }
}
