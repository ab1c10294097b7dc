package io.careledger.api.customer;

import io.careledger.api.common.EventName;
import io.careledger.api.common.StaffId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@EventName("customer.untagged")
@Revision("1")
public record CustomerUntagged(CustomerId customerId, String tag, StaffId by, Instant occurredAt) implements CustomerEvent {
}
