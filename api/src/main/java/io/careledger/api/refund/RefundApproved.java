package io.careledger.api.refund;

import io.careledger.api.common.EventName;
import io.careledger.api.common.Money;
import io.careledger.api.common.StaffId;
import io.careledger.api.customer.CustomerId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The refund was approved, automatically by the policy ({@code automatic}, by {@link StaffId#SYSTEM}), within a
 * staff member's own authority, or by a supervisor. Records the rule that fired, the policy version, the inputs
 * it saw, the amount to pay (which may be less than requested, e.g. a near-expiry partial refund), any coupon,
 * and when the money (or resend) is due.
 */
@EventName("refund.approved")
@Revision("1")
public record RefundApproved(
        RefundId refundId,
        CustomerId customerId,
        Money amount,
        Coupon coupon,
        boolean automatic,
        RefundRule rule,
        String policyVersion,
        RefundDecisionInputs inputs,
        String note,
        Instant refundDueAt,
        StaffId by,
        Instant occurredAt) implements RefundEvent {
}
