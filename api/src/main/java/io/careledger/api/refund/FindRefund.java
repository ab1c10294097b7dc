package io.careledger.api.refund;

/** The refund from the case read model (eventually consistent). Answers {@code Optional<RefundView>}. */
public record FindRefund(RefundId refundId) {
}
