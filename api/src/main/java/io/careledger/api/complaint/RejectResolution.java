package io.careledger.api.complaint;

import io.careledger.api.common.StaffId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The customer rejected the proposal: back to work for a second chance. */
public record RejectResolution(@TargetAggregateIdentifier ComplaintId complaintId, String note, StaffId actor) implements ComplaintCommand {
}
