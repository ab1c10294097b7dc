package io.careledger.api.complaint;

import io.careledger.api.common.EventName;
import io.careledger.api.common.StaffId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A service-level deadline passed before the step it guards. Always caused by {@link StaffId#SYSTEM}. */
@EventName("complaint.deadline-missed")
@Revision("1")
public record ComplaintDeadlineMissed(ComplaintId complaintId, DeadlineKind deadline, Instant dueAt, Severity severity, StaffId by, Instant occurredAt) implements ComplaintEvent {
}
