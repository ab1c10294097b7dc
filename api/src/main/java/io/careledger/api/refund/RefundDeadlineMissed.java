package io.careledger.api.refund;

import io.careledger.api.common.EventName;
import io.careledger.api.common.StaffId;
import io.careledger.api.customer.CustomerId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A refund commitment passed before its step: no decision by {@code dueAt}, or no payment by it. */
@EventName("refund.deadline-missed")
@Revision("1")
public record RefundDeadlineMissed(RefundId refundId, CustomerId customerId, RefundDeadline deadline, Instant dueAt,
                                   StaffId by, Instant occurredAt) implements RefundEvent {
}
