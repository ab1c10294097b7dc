package io.careledger.api.complaint;

import io.careledger.api.common.StaffId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records one contact with the customer, so nobody asks them to repeat the story. */
public record LogComplaintContact(@TargetAggregateIdentifier ComplaintId complaintId, ContactKind kind, String summary, StaffId actor) implements ComplaintCommand {
}
