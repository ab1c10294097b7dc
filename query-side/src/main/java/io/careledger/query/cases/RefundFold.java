package io.careledger.query.cases;

import java.util.ArrayList;
import java.util.List;

import io.careledger.api.refund.RefundApproved;
import io.careledger.api.refund.RefundDeadline;
import io.careledger.api.refund.RefundDeadlineMissed;
import io.careledger.api.refund.RefundDecision;
import io.careledger.api.refund.RefundEvent;
import io.careledger.api.refund.RefundPaid;
import io.careledger.api.refund.RefundRejected;
import io.careledger.api.refund.RefundRequested;
import io.careledger.api.refund.RefundRule;
import io.careledger.api.refund.RefundStatus;
import io.careledger.api.refund.RefundView;

/**
 * How one refund event changes what readers see. Pure, so the live projection, a rebuild and the as-of replay
 * agree on the same view for the same events.
 */
public final class RefundFold {

    private RefundFold() {
    }

    /**
     * @param state    the view before the event; null only before the refund was requested
     * @param sequence the event's sequence number in the refund's stream, recorded as the view's version
     * @throws IllegalStateException for an event of a refund that was never requested
     */
    public static RefundView apply(RefundView state, RefundEvent event, long sequence) {
        if (event instanceof RefundRequested requested) {
            return new RefundView(requested.refundId(), requested.customerId(), requested.orderId(),
                    requested.storeId(), List.copyOf(requested.lines()), requested.amount(), requested.reason(),
                    requested.method(), requested.hasReceipt(), requested.hasOriginalPackaging(),
                    requested.purchaseIdentified(), requested.photoReference(), requested.complaintId(),
                    RefundStatus.AWAITING_REVIEW, null, null, null, requested.by(), requested.occurredAt(),
                    requested.reviewDueAt(), null, null, null, List.of(), false, List.of(), sequence,
                    requested.occurredAt());
        }
        if (state == null) {
            throw new IllegalStateException("Refund " + event.caseId() + " has a "
                    + event.getClass().getSimpleName() + " (sequence " + sequence + ") but was never requested");
        }
        RefundView s = state;
        if (event instanceof RefundApproved approved) {
            return new RefundView(s.id(), s.customerId(), s.orderId(), s.storeId(), s.lines(),
                    s.amount(), s.reason(), s.method(), s.hasReceipt(), s.hasOriginalPackaging(),
                    s.purchaseIdentified(), s.photoReference(), s.complaintId(), RefundStatus.APPROVED,
                    new RefundDecision(true, approved.automatic(), approved.rule(), approved.policyVersion(),
                            approved.inputs(), approved.note(), approved.by(), approved.occurredAt()),
                    approved.amount(), approved.coupon(), s.requestedBy(), s.requestedAt(), s.reviewDueAt(),
                    approved.refundDueAt(), s.paidAt(), s.paymentReference(), s.replacementItems(), s.slaBreached(),
                    s.breachedDeadlines(), sequence, approved.occurredAt());
        }
        if (event instanceof RefundRejected rejected) {
            return new RefundView(s.id(), s.customerId(), s.orderId(), s.storeId(), s.lines(),
                    s.amount(), s.reason(), s.method(), s.hasReceipt(), s.hasOriginalPackaging(),
                    s.purchaseIdentified(), s.photoReference(), s.complaintId(), RefundStatus.REJECTED,
                    new RefundDecision(false, false, RefundRule.SUPERVISOR, null,
                            s.decision() == null ? null : s.decision().inputs(), rejected.note(), rejected.by(),
                            rejected.occurredAt()),
                    null, null, s.requestedBy(), s.requestedAt(), s.reviewDueAt(), s.refundDueAt(), s.paidAt(),
                    s.paymentReference(), s.replacementItems(), s.slaBreached(), s.breachedDeadlines(), sequence,
                    rejected.occurredAt());
        }
        if (event instanceof RefundPaid paid) {
            return new RefundView(s.id(), s.customerId(), s.orderId(), s.storeId(), s.lines(),
                    s.amount(), s.reason(), s.method(), s.hasReceipt(), s.hasOriginalPackaging(),
                    s.purchaseIdentified(), s.photoReference(), s.complaintId(),
                    paid.exchange() ? RefundStatus.EXCHANGED : RefundStatus.PAID, s.decision(), s.approvedAmount(),
                    s.coupon(), s.requestedBy(), s.requestedAt(), s.reviewDueAt(), s.refundDueAt(), paid.occurredAt(),
                    paid.paymentReference(), List.copyOf(paid.replacementItems()), s.slaBreached(),
                    s.breachedDeadlines(), sequence, paid.occurredAt());
        }
        if (event instanceof RefundDeadlineMissed missed) {
                List<RefundDeadline> breached = new ArrayList<>(s.breachedDeadlines());
                breached.add(missed.deadline());
            return new RefundView(s.id(), s.customerId(), s.orderId(), s.storeId(), s.lines(), s.amount(),
                        s.reason(), s.method(), s.hasReceipt(), s.hasOriginalPackaging(), s.purchaseIdentified(),
                        s.photoReference(), s.complaintId(), s.status(), s.decision(), s.approvedAmount(), s.coupon(),
                        s.requestedBy(), s.requestedAt(), s.reviewDueAt(), s.refundDueAt(), s.paidAt(),
                        s.paymentReference(), s.replacementItems(), true, List.copyOf(breached), sequence,
                        missed.occurredAt());
        }
        // Unreachable while every permitted RefundEvent has a branch above (RefundFoldTest checks).
        throw new IllegalArgumentException("No fold for " + event.getClass().getName());
    }
}
