package io.careledger.api.complaint;

import io.careledger.api.common.EventName;
import io.careledger.api.common.StaffId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The customer accepted the resolution. {@code firstContactResolution} is decided here, on the command side,
 * from the whole case: no transfer, no escalation, no rejected proposal and no reopening.
 */
@EventName("complaint.resolved")
@Revision("1")
public record ComplaintResolved(ComplaintId complaintId, String note, boolean firstContactResolution, Instant filedAt, StaffId by, Instant occurredAt) implements ComplaintEvent {
}
