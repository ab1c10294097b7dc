package io.careledger.api.complaint;

import io.careledger.api.common.StaffId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Escalation by hand: one level up, with a reason. */
public record EscalateComplaint(@TargetAggregateIdentifier ComplaintId complaintId, String reason, StaffId actor) implements ComplaintCommand {
}
