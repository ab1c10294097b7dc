package io.careledger.api.refund;

import io.careledger.api.common.StaffId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A supervisor refuses a request awaiting review (the role is checked at the edge). */
public record RejectRefund(@TargetAggregateIdentifier RefundId refundId, String note, StaffId actor)
        implements RefundCommand {
}
