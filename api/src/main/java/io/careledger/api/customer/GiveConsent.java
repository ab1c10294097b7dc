package io.careledger.api.customer;

import io.careledger.api.common.StaffId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The customer agrees to a purpose; giving a consent already given records nothing. */
public record GiveConsent(@TargetAggregateIdentifier CustomerId customerId, ConsentPurpose purpose, StaffId actor) implements CustomerCommand {
}
