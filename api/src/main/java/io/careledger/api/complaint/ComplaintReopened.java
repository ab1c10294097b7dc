package io.careledger.api.complaint;

import io.careledger.api.common.EventName;
import io.careledger.api.common.StaffId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A closed case is opened again; it no longer counts as resolved at first contact. */
@EventName("complaint.reopened")
@Revision("1")
public record ComplaintReopened(ComplaintId complaintId, String reason, StaffId by, Instant occurredAt) implements ComplaintEvent {
}
