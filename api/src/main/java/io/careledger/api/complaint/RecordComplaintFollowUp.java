package io.careledger.api.complaint;

import io.careledger.api.common.StaffId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The follow-up call after resolution, with the customer's satisfaction from 1 to 5. */
public record RecordComplaintFollowUp(@TargetAggregateIdentifier ComplaintId complaintId, int satisfaction, String comment, StaffId actor) implements ComplaintCommand {
}
