package io.careledger.api.customer;

import io.careledger.api.common.PersonalData;
import io.careledger.api.common.EventName;
import io.careledger.api.common.StaffId;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The customer's birthday is {@code leadDays} days away (a deadline set from the recorded birthday). */
@EventName("customer.birthday-approaching")
@Revision("1")
public record BirthdayApproaching(CustomerId customerId, @PersonalData LocalDate birthday, int leadDays, StaffId by, Instant occurredAt)
        implements CustomerEvent {
}
