package io.careledger.api.refund;

import io.careledger.api.common.EventName;
import io.careledger.api.common.Money;
import io.careledger.api.common.OrderId;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.complaint.ComplaintId;
import io.careledger.api.customer.CustomerId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A refund was requested. {@code amount} is the sum of the lines; {@code purchaseIdentified} says whether the
 * member's recorded purchase identified the order (which is what makes a receipt unnecessary);
 * {@code inputs} is what the approval policy saw (a supervisor's later decision records the same);
 * {@code reviewDueAt} is when a decision is due. A decision event always follows, at once or on review.
 */
@EventName("refund.requested")
@Revision("1")
public record RefundRequested(
        RefundId refundId,
        CustomerId customerId,
        OrderId orderId,
        StoreId storeId,
        List<RefundLine> lines,
        Money amount,
        RefundReason reason,
        RefundMethod method,
        boolean hasReceipt,
        boolean hasOriginalPackaging,
        boolean purchaseIdentified,
        String photoReference,
        ComplaintId complaintId,
        RefundDecisionInputs inputs,
        Instant reviewDueAt,
        StaffId by,
        Instant occurredAt) implements RefundEvent {
}
