package io.careledger.api.complaint;

public enum CompensationKind {
    REFUND, COUPON, GIFT, REPAIR, EXCHANGE
}
