package io.careledger.api.repair;

import io.careledger.api.common.Money;
import io.careledger.api.common.OrderId;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.customer.CustomerId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Registers a garment brought in for repair. {@code salePrice} is what the customer paid for it (the base of a
 * depreciation fee); {@code purchasedAt} the sale. {@code storeId} and {@code salePrice} may be left out when the
 * order is one of the member's recorded purchases: the purchase's store and the SKU's unit price are taken then.
 */
public record RegisterRepair(
        @TargetAggregateIdentifier RepairId repairId,
        CustomerId customerId,
        OrderId orderId,
        StoreId storeId,
        String sku,
        Material material,
        Money salePrice,
        Instant purchasedAt,
        String fault,
        boolean misuseSuspected,
        StaffId actor) implements RepairCommand {
}
