package io.careledger.api.customer;

import io.careledger.api.common.EventName;
import io.careledger.api.common.StaffId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@EventName("customer.consent-withdrawn")
@Revision("1")
public record ConsentWithdrawn(CustomerId customerId, ConsentPurpose purpose, StaffId by, Instant occurredAt) implements CustomerEvent {
}
