package io.careledger.api.complaint;

import io.careledger.api.common.EventName;
import io.careledger.api.common.StaffId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The first response. {@code by} is the first responder and owns the complaint from now on. */
@EventName("complaint.acknowledged")
@Revision("1")
public record ComplaintAcknowledged(ComplaintId complaintId, boolean withinDeadline, StaffId by, Instant occurredAt) implements ComplaintEvent {
}
