package io.careledger.api.care;

import io.careledger.api.common.EventName;
import io.careledger.api.common.StaffId;
import io.careledger.api.customer.CustomerId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@EventName("care.task-overdue")
@Revision("1")
public record CareTaskOverdue(CareTaskId careTaskId, CustomerId customerId, CareTaskKind kind, Instant dueAt, StaffId assignee,
                              StaffId by, Instant occurredAt) implements CareTaskEvent {
}
