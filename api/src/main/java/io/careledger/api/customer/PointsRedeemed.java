package io.careledger.api.customer;

import io.careledger.api.common.EventName;
import io.careledger.api.common.StaffId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@EventName("customer.points-redeemed")
@Revision("1")
public record PointsRedeemed(CustomerId customerId, long points, long pointsBalance, String reason, StaffId by, Instant occurredAt)
        implements CustomerEvent {
}
