package io.careledger.api.customer;

import io.careledger.api.common.EventName;
import io.careledger.api.common.StaffId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** {@code customerId} was brought by {@code referredBy}; recorded on the new customer's file. */
@EventName("customer.referral-recorded")
@Revision("1")
public record ReferralRecorded(CustomerId customerId, CustomerId referredBy, StaffId by, Instant occurredAt) implements CustomerEvent {
}
