package io.careledger.api.customer;

import io.careledger.api.common.EventName;
import io.careledger.api.common.Money;
import io.careledger.api.common.OrderId;
import io.careledger.api.common.StaffId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A purchase took the cumulative spend over a milestone of the membership policy: a thank-you is due. */
@EventName("customer.spend-milestone-reached")
@Revision("1")
public record SpendMilestoneReached(
        CustomerId customerId,
        Money milestone,
        Money cumulativeSpend,
        OrderId orderId,
        String membershipPolicyVersion,
        StaffId by,
        Instant occurredAt) implements CustomerEvent {
}
