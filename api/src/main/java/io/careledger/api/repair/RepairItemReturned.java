package io.careledger.api.repair;

import io.careledger.api.common.EventName;
import io.careledger.api.common.StaffId;
import io.careledger.api.customer.CustomerId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The item (or its replacement) went back to the customer; {@code invoiceReference} of the exchange fee, if any. */
@EventName("repair.item-returned")
@Revision("1")
public record RepairItemReturned(RepairId repairId, CustomerId customerId, String invoiceReference, StaffId by,
                                 Instant occurredAt) implements RepairEvent {
}
