package io.careledger.api.complaint;

import io.careledger.api.common.StaffId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The customer accepted the proposed resolution: the complaint is resolved. */
public record AcceptResolution(@TargetAggregateIdentifier ComplaintId complaintId, String note, StaffId actor) implements ComplaintCommand {
}
