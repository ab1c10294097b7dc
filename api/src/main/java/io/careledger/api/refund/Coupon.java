package io.careledger.api.refund;

import io.careledger.api.common.Money;

/** A coupon granted with a refund; {@code category} null means usable on anything (no minimum spend). */
public record Coupon(Money value, String category) {
}
