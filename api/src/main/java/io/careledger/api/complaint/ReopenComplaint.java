package io.careledger.api.complaint;

import io.careledger.api.common.StaffId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reopens a closed complaint; a reason is required. */
public record ReopenComplaint(@TargetAggregateIdentifier ComplaintId complaintId, String reason, StaffId actor) implements ComplaintCommand {
}
