package io.careledger.api.complaint;

import io.careledger.api.common.EventName;
import io.careledger.api.common.StaffId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The satisfaction follow-up after resolution (1 to 5). */
@EventName("complaint.followed-up")
@Revision("1")
public record ComplaintFollowedUp(ComplaintId complaintId, int satisfaction, String comment, StaffId by, Instant occurredAt) implements ComplaintEvent {
}
