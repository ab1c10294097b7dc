package io.careledger.api.repair;

import io.careledger.api.common.EventName;
import io.careledger.api.common.StaffId;
import io.careledger.api.customer.CustomerId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@EventName("repair.item-taken-in")
@Revision("1")
public record RepairItemTakenIn(RepairId repairId, CustomerId customerId, String goodsReceiptNumber, StaffId by,
                                Instant occurredAt) implements RepairEvent {
}
