package io.careledger.service.graphql.complaint;

import io.careledger.api.complaint.ComplaintView;
import io.careledger.service.graphql.Outcome;
import io.careledger.service.graphql.UserError;
import java.util.List;

/** Backs every complaint mutation's payload type: the complaint as now stored, or why nothing changed. */
public record ComplaintPayload(ComplaintView complaint, List<UserError> errors) {
    static ComplaintPayload of(Outcome<ComplaintView> outcome) {
        return new ComplaintPayload(outcome.value(), outcome.errors());
    }
}
