package io.careledger.api.customer;

import io.careledger.api.common.EventName;
import io.careledger.api.common.StaffId;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** No purchase for the membership policy's dormancy period: a reconnect task is due. */
@EventName("customer.became-dormant")
@Revision("1")
public record CustomerBecameDormant(
        CustomerId customerId,
        Instant lastPurchaseAt,
        Duration dormantAfter,
        String membershipPolicyVersion,
        StaffId by,
        Instant occurredAt) implements CustomerEvent {
}
