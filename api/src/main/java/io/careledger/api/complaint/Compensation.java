package io.careledger.api.complaint;

import io.careledger.api.common.Money;

/** One item of a proposed settlement; {@code amount} is absent for items without a money value. */
public record Compensation(CompensationKind kind, Money amount, String description) {
}
