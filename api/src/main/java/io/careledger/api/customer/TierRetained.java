package io.careledger.api.customer;

import io.careledger.api.common.EventName;
import io.careledger.api.common.Money;
import io.careledger.api.common.StaffId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The annual review kept the tier (the rolling spend still earns it, or the tier was granted above it and kept). */
@EventName("customer.tier-retained")
@Revision("1")
public record TierRetained(CustomerId customerId, Tier tier, String tierPolicyVersion, Money qualifyingSpend, StaffId by, Instant occurredAt)
        implements CustomerEvent {
}
