package io.careledger.api.repair;

import io.careledger.api.common.Money;
import io.careledger.api.common.OrderId;
import io.careledger.api.common.StaffId;
import io.careledger.api.customer.CustomerId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Redeems a free care service for one garment ({@code garmentId} = {@link GarmentId#of(OrderId, String)}). The
 * garment's {@code category} (e.g. SUIT), material, sale price and date decide eligibility.
 */
public record RedeemFreeCare(
        @TargetAggregateIdentifier GarmentId garmentId,
        CustomerId customerId,
        OrderId orderId,
        String sku,
        String category,
        Material material,
        Money salePrice,
        Instant purchasedAt,
        FreeCareService service,
        StaffId actor) {
}
