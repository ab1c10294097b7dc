package io.careledger.api.refund;

/** Why the customer brings goods back (DOMAIN.md §5). */
public enum RefundReason {
    QUALITY, SPOILED, NEAR_EXPIRY, WRONG_ITEM, DAMAGED_IN_DELIVERY, MISSING_GIFT, PRICE_DIFFERENCE, CHANGED_MIND
}
