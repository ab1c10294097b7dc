package io.careledger.api.customer;

import io.careledger.api.common.StaffId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A supervisor raises the tier by hand, with a reason. The tier must be above the current one. */
public record UpgradeVip(@TargetAggregateIdentifier CustomerId customerId, Tier tier, String reason, StaffId actor) implements CustomerCommand {
}
