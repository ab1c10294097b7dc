package io.careledger.api.customer;

import io.careledger.api.common.StaffId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes a tag; removing a tag the customer does not have is NOT_FOUND. */
public record UntagCustomer(@TargetAggregateIdentifier CustomerId customerId, String tag, StaffId actor) implements CustomerCommand {
}
