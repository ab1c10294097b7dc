package io.careledger.api.complaint;

import io.careledger.api.common.EventName;
import io.careledger.api.common.StaffId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A solution offered to the customer. */
@EventName("complaint.resolution-proposed")
@Revision("1")
public record ResolutionProposed(ComplaintId complaintId, String resolution, List<Compensation> compensation, StaffId by, Instant occurredAt) implements ComplaintEvent {
}
