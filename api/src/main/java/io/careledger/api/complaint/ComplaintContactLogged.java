package io.careledger.api.complaint;

import io.careledger.api.common.EventName;
import io.careledger.api.common.StaffId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** One contact with the customer, by any staff member; the owner does not change. */
@EventName("complaint.contact-logged")
@Revision("1")
public record ComplaintContactLogged(ComplaintId complaintId, ContactKind kind, String summary, StaffId by, Instant occurredAt) implements ComplaintEvent {
}
