package io.careledger.api.customer;

import io.careledger.api.common.StaffId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Erases the customer's personal data for good (crypto-shredding); {@code reason} is required. */
public record EraseCustomerPersonalData(@TargetAggregateIdentifier CustomerId customerId, String reason, StaffId actor)
        implements CustomerCommand {
}
