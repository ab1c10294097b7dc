package io.careledger.api.complaint;

import io.careledger.api.common.StaffId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A fair solution offered to the customer, with its compensation items. */
public record ProposeResolution(@TargetAggregateIdentifier ComplaintId complaintId, String resolution, java.util.List<Compensation> compensation, StaffId actor) implements ComplaintCommand {
}
