package io.careledger.api.customer;

import io.careledger.api.common.StaffId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a tag ("maternal-and-baby repeat buyer"); tagging with a tag the customer has records nothing. */
public record TagCustomer(@TargetAggregateIdentifier CustomerId customerId, String tag, StaffId actor) implements CustomerCommand {
}
