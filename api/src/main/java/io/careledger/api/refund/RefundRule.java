package io.careledger.api.refund;

/**
 * The rule of {@code RefundApprovalPolicy} that decided a request, recorded on the decision event.
 * {@code SUPERVISOR} is the rule of every decision taken by a person on review.
 */
public enum RefundRule {
    /** Spoiled fresh food with a photo: approved and paid at once, plus a coupon for the same category. */
    FRESH_SPOILAGE_INSTANT,
    /** Near the best-before date: a partial refund (a share of the line amounts), no approval needed. */
    NEAR_EXPIRY_PARTIAL,
    /** A gift was missing: resent within the policy's window plus a no-minimum coupon. */
    MISSING_GIFT_RESEND,
    /** A routine reason within the automatic amount limit. */
    ROUTINE_AUTOMATIC,
    /** Within the frontline staff's own authority: the requesting staff member decides. */
    FRONTLINE_AUTHORITY,
    /** Decided by a supervisor on review. */
    SUPERVISOR
}
