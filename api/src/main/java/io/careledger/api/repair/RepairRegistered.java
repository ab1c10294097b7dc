package io.careledger.api.repair;

import io.careledger.api.common.EventName;
import io.careledger.api.common.Money;
import io.careledger.api.common.OrderId;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.customer.CustomerId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A repair was registered, with the warranty policy's decision and what it saw. */
@EventName("repair.registered")
@Revision("1")
public record RepairRegistered(
        RepairId repairId,
        CustomerId customerId,
        OrderId orderId,
        StoreId storeId,
        String sku,
        Material material,
        Money salePrice,
        Instant purchasedAt,
        String fault,
        WarrantyDecision decision,
        StaffId by,
        Instant occurredAt) implements RepairEvent {
}
