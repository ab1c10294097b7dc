package io.careledger.api.refund;

/** The commitments of DOMAIN.md §5: a decision within 2 h of the request, the money within 24 h of approval. */
public enum RefundDeadline {
    REVIEW, PAYMENT
}
