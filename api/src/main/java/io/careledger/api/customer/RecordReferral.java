package io.careledger.api.customer;

import io.careledger.api.common.StaffId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * {@code referredBy}, an existing customer, brought {@code customerId}, a newly registered one. A customer is
 * referred at most once and never by themself. Both get a same-day thank-you task.
 */
public record RecordReferral(@TargetAggregateIdentifier CustomerId customerId, CustomerId referredBy, StaffId actor) implements CustomerCommand {
}
