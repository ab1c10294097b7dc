package io.careledger.api.complaint;

import io.careledger.api.common.EventName;
import io.careledger.api.common.StaffId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * One level up. {@code automatic} escalations name the deadline that was breached; {@code responseDueAt}
 * is the new first-response deadline while the complaint is still unacknowledged, otherwise null.
 */
@EventName("complaint.escalated")
@Revision("1")
public record ComplaintEscalated(ComplaintId complaintId, Severity from, Severity to, Department department, String reason, boolean automatic, DeadlineKind breachedDeadline, Instant responseDueAt, String severityPolicyVersion, StaffId by, Instant occurredAt) implements ComplaintEvent {
}
