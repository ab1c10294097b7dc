package io.careledger.service.graphql.complaint;

import io.careledger.api.common.Channel;
import io.careledger.api.complaint.Compensation;
import io.careledger.api.complaint.CompensationKind;
import io.careledger.api.complaint.ComplaintCategory;
import io.careledger.api.complaint.ContactKind;
import io.careledger.service.graphql.MoneyInput;
import java.util.List;

/** The GraphQL inputs of the complaint mutations, as bound by Spring for GraphQL. */
final class ComplaintInputs {
    private ComplaintInputs() {
    }

    record FileComplaintInput(String customerId, Channel channel, ComplaintCategory category, String description,
                              String storeId, String orderId, String transcript) {
    }

    record AcknowledgeComplaintInput(String complaintId) {
    }

    record LogComplaintContactInput(String complaintId, ContactKind kind, String summary) {
    }

    record ReasonInput(String complaintId, String reason) {
    }

    record NoteInput(String complaintId, String note) {
    }

    record ProposeResolutionInput(String complaintId, String resolution, List<CompensationInput> compensation) {
        List<Compensation> toCompensation() {
            return compensation == null ? List.of() : compensation.stream().map(CompensationInput::toCompensation).toList();
        }
    }

    record CompensationInput(CompensationKind kind, MoneyInput amount, String description) {
        Compensation toCompensation() {
            return new Compensation(kind, amount == null ? null : amount.toMoney(), description);
        }
    }

    record RecordComplaintFollowUpInput(String complaintId, int satisfaction, String comment) {
    }
}
