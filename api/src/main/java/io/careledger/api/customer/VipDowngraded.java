package io.careledger.api.customer;

import io.careledger.api.common.EventName;
import io.careledger.api.common.Money;
import io.careledger.api.common.StaffId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The annual review found the rolling spend below the current tier's threshold. */
@EventName("customer.vip-downgraded")
@Revision("1")
public record VipDowngraded(
        CustomerId customerId,
        Tier from,
        Tier to,
        String tierPolicyVersion,
        Money qualifyingSpend,
        StaffId by,
        Instant occurredAt) implements CustomerEvent {
}
