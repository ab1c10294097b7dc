package io.careledger.api.refund;

import io.careledger.api.common.OrderId;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.complaint.ComplaintId;
import io.careledger.api.customer.CustomerId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Requests a refund. {@code orderId}, {@code photoReference} and {@code complaintId} (the complaint this refund
 * compensates) are optional; so is {@code storeId} when the order is one of the member's recorded purchases (the
 * purchase's store is taken then). {@code recentRefunds} is the customer's number of refunds requested within the
 * approval policy's window, as the case read model counted them when the request arrived: the abuse guard
 * decides on it and the decision records it.
 */
public record RequestRefund(
        @TargetAggregateIdentifier RefundId refundId,
        CustomerId customerId,
        OrderId orderId,
        StoreId storeId,
        List<RefundLine> lines,
        RefundReason reason,
        RefundMethod method,
        boolean hasReceipt,
        boolean hasOriginalPackaging,
        String photoReference,
        ComplaintId complaintId,
        int recentRefunds,
        StaffId actor) implements RefundCommand {
}
