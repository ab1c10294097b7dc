package io.careledger.api.complaint;

import io.careledger.api.common.StaffId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Closes a resolved complaint. */
public record CloseComplaint(@TargetAggregateIdentifier ComplaintId complaintId, String reason, StaffId actor) implements ComplaintCommand {
}
