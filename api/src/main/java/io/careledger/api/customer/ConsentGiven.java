package io.careledger.api.customer;

import io.careledger.api.common.EventName;
import io.careledger.api.common.StaffId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@EventName("customer.consent-given")
@Revision("1")
public record ConsentGiven(CustomerId customerId, ConsentPurpose purpose, StaffId by, Instant occurredAt) implements CustomerEvent {
}
