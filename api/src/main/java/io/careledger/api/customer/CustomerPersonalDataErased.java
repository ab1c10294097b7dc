package io.careledger.api.customer;

import io.careledger.api.common.EventName;
import io.careledger.api.common.StaffId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The customer's personal data was erased on request: their key is gone, so every stored personal field of
 * theirs reads as {@link io.careledger.api.common.PersonalData#ERASED} from now on. The case facts (times,
 * amounts, statuses, who acted) stay. Holds no personal data itself; {@code reason} is the administrator's
 * ground for the erasure (a request reference, not the person's words).
 */
@EventName("customer.personal-data-erased")
@Revision("1")
public record CustomerPersonalDataErased(CustomerId customerId, String reason, StaffId by, Instant occurredAt)
        implements CustomerEvent {
}
