package io.careledger.service.graphql.refund;

import io.careledger.api.refund.RefundLine;
import io.careledger.api.refund.RefundMethod;
import io.careledger.api.refund.RefundReason;
import io.careledger.service.graphql.MoneyInput;
import java.util.List;

/** The GraphQL inputs of the refund mutations, bound by name from the schema's input types. */
final class RefundInputs {

    private RefundInputs() {
    }

    record RefundLineInput(String sku, String category, int quantity, MoneyInput unitPrice) {
        RefundLine toLine() {
            return new RefundLine(sku, category, quantity, unitPrice == null ? null : unitPrice.toMoney());
        }
    }

    record RequestRefundInput(String customerId, String orderId, String storeId, List<RefundLineInput> lines,
                              RefundReason reason, RefundMethod method, boolean hasReceipt,
                              boolean hasOriginalPackaging, String photoUrl, String complaintId) {
        List<RefundLine> toLines() {
            return lines == null ? null : lines.stream().map(RefundLineInput::toLine).toList();
        }
    }

    record DecisionInput(String refundId, String note) {
    }

    record MarkRefundPaidInput(String refundId, String paymentReference, List<String> replacementItems) {
    }
}
