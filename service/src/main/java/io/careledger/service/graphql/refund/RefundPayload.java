package io.careledger.service.graphql.refund;

import io.careledger.api.refund.RefundView;
import io.careledger.service.graphql.Outcome;
import io.careledger.service.graphql.UserError;
import java.util.List;

/** Backs every refund mutation's payload type: the refund as now stored, or why nothing changed. */
public record RefundPayload(RefundView refund, List<UserError> errors) {
    static RefundPayload of(Outcome<RefundView> outcome) {
        return new RefundPayload(outcome.value(), outcome.errors());
    }
}
