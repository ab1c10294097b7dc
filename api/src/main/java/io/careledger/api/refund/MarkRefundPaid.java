package io.careledger.api.refund;

import io.careledger.api.common.StaffId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The approved refund was paid out ({@code paymentReference}: the till, transfer or voucher reference). With
 * {@code replacementItems} (SKUs handed over) it was settled as an exchange instead.
 */
public record MarkRefundPaid(@TargetAggregateIdentifier RefundId refundId, String paymentReference,
                             List<String> replacementItems, StaffId actor) implements RefundCommand {
}
