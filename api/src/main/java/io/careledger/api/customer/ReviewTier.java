package io.careledger.api.customer;

import io.careledger.api.common.StaffId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The annual tier review: the tier policy decides the tier the rolling spend (as of the review) earns; a
 * lower tier than the current one is a downgrade, otherwise the tier is retained.
 */
public record ReviewTier(@TargetAggregateIdentifier CustomerId customerId, StaffId actor) implements CustomerCommand {
}
