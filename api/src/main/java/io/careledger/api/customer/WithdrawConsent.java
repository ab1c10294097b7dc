package io.careledger.api.customer;

import io.careledger.api.common.StaffId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The customer withdraws a purpose; withdrawing a consent not given records nothing. */
public record WithdrawConsent(@TargetAggregateIdentifier CustomerId customerId, ConsentPurpose purpose, StaffId actor) implements CustomerCommand {
}
