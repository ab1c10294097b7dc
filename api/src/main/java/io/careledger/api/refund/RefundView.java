package io.careledger.api.refund;

import io.careledger.api.cases.CaseKind;
import io.careledger.api.cases.CaseView;
import io.careledger.api.common.Money;
import io.careledger.api.common.OrderId;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.complaint.ComplaintId;
import io.careledger.api.customer.CustomerId;
import java.time.Instant;
import java.util.List;

/**
 * A refund as readers see it: from the case index, or replayed from its events up to a moment. {@code amount}
 * is what was requested, {@code approvedAmount} what is (to be) paid. {@code version} is the sequence number of
 * the last event folded in.
 */
public record RefundView(
        RefundId id,
        CustomerId customerId,
        OrderId orderId,
        StoreId storeId,
        List<RefundLine> lines,
        Money amount,
        RefundReason reason,
        RefundMethod method,
        boolean hasReceipt,
        boolean hasOriginalPackaging,
        boolean purchaseIdentified,
        String photoReference,
        ComplaintId complaintId,
        RefundStatus status,
        RefundDecision decision,
        Money approvedAmount,
        Coupon coupon,
        StaffId requestedBy,
        Instant requestedAt,
        Instant reviewDueAt,
        Instant refundDueAt,
        Instant paidAt,
        String paymentReference,
        List<String> replacementItems,
        boolean slaBreached,
        List<RefundDeadline> breachedDeadlines,
        long version,
        Instant updatedAt) implements CaseView {

    @Override
    public String caseId() {
        return id.value();
    }

    @Override
    public CaseKind kind() {
        return CaseKind.REFUND;
    }

    @Override
    public Instant openedAt() {
        return requestedAt;
    }
}
