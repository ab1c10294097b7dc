package io.careledger.api.refund;

/**
 * Where a refund stands: {@code AWAITING_REVIEW} waits for a supervisor; {@code APPROVED} waits for the payment
 * (or the exchange, or the resend); {@code PAID} and {@code EXCHANGED} are done; {@code REJECTED} is refused.
 */
public enum RefundStatus {
    AWAITING_REVIEW, APPROVED, REJECTED, PAID, EXCHANGED
}
