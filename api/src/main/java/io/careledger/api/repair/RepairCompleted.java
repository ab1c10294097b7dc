package io.careledger.api.repair;

import io.careledger.api.common.EventName;
import io.careledger.api.common.Money;
import io.careledger.api.common.StaffId;
import io.careledger.api.customer.CustomerId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The repair is done; {@code fee} and {@code invoiceReference} only for a paid repair. */
@EventName("repair.completed")
@Revision("1")
public record RepairCompleted(RepairId repairId, CustomerId customerId, boolean freeOfCharge, Money fee,
                              String invoiceReference, String note, StaffId by, Instant occurredAt)
        implements RepairEvent {
}
