package io.careledger.api.complaint;

import io.careledger.api.common.StaffId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The first staff member to acknowledge becomes the owner for good (首问负责制). */
public record AcknowledgeComplaint(@TargetAggregateIdentifier ComplaintId complaintId, StaffId actor) implements ComplaintCommand {
}
