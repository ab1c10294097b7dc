package io.careledger.api.customer;

import io.careledger.api.common.Channel;
import io.careledger.api.common.OrderId;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A purchase against the customer. The total is computed from the lines; every line's price is in the
 * membership policy's currency. An order id already recorded for this customer is ALREADY_EXISTS.
 */
public record RecordPurchase(
        @TargetAggregateIdentifier CustomerId customerId,
        OrderId orderId,
        StoreId storeId,
        Channel channel,
        List<PurchaseLine> lines,
        Instant purchasedAt,
        StaffId actor) implements CustomerCommand {
}
