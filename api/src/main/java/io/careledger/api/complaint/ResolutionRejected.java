package io.careledger.api.complaint;

import io.careledger.api.common.EventName;
import io.careledger.api.common.StaffId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The customer turned the proposal down; work goes on (a second chance). */
@EventName("complaint.resolution-rejected")
@Revision("1")
public record ResolutionRejected(ComplaintId complaintId, String note, StaffId by, Instant occurredAt) implements ComplaintEvent {
}
