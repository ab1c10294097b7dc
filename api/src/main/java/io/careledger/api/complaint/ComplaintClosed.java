package io.careledger.api.complaint;

import io.careledger.api.common.EventName;
import io.careledger.api.common.StaffId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The case is closed. */
@EventName("complaint.closed")
@Revision("1")
public record ComplaintClosed(ComplaintId complaintId, String reason, StaffId by, Instant occurredAt) implements ComplaintEvent {
}
