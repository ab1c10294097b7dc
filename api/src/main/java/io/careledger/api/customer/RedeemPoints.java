package io.careledger.api.customer;

import io.careledger.api.common.StaffId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Spends points; more than the balance is INSUFFICIENT_POINTS, so the balance is never negative. */
public record RedeemPoints(@TargetAggregateIdentifier CustomerId customerId, long points, String reason, StaffId actor) implements CustomerCommand {
}
