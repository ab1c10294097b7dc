package io.careledger.api.customer;

import io.careledger.api.common.EventName;
import io.careledger.api.common.Money;
import io.careledger.api.common.StaffId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The tier rose: automatically when a purchase took the rolling spend over a threshold ({@code automatic},
 * with the policy version and the qualifying spend), or by a supervisor with a reason.
 */
@EventName("customer.vip-upgraded")
@Revision("1")
public record VipUpgraded(
        CustomerId customerId,
        Tier from,
        Tier to,
        boolean automatic,
        String tierPolicyVersion,
        Money qualifyingSpend,
        String reason,
        StaffId by,
        Instant occurredAt) implements CustomerEvent {
}
