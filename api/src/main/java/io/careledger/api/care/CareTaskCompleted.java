package io.careledger.api.care;

import io.careledger.api.common.EventName;
import io.careledger.api.common.StaffId;
import io.careledger.api.customer.CustomerId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** {@code by} did it: follow-ups and care contacts count per staff member (a KPI). */
@EventName("care.task-completed")
@Revision("1")
public record CareTaskCompleted(
        CareTaskId careTaskId,
        CustomerId customerId,
        CareTaskKind kind,
        CareOutcome outcome,
        String notes,
        Instant callbackAt,
        boolean overdue,
        StaffId by,
        Instant occurredAt) implements CareTaskEvent {
}
