package io.careledger.api.refund;

import io.careledger.api.cases.CaseEvent;
import io.careledger.api.customer.CustomerId;

/**
 * Every fact of a refund's life. Each carries the customer, so the timeline needs no lookup. The set is closed
 * so readers can switch over it exhaustively.
 */
public sealed interface RefundEvent extends CaseEvent
        permits RefundRequested, RefundApproved, RefundRejected, RefundPaid, RefundDeadlineMissed {

    RefundId refundId();

    CustomerId customerId();

    @Override
    default String caseId() {
        return refundId().value();
    }
}
