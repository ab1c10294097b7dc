package io.careledger.service.graphql.repair;

import io.careledger.api.repair.RepairView;
import io.careledger.service.graphql.Outcome;
import io.careledger.service.graphql.UserError;
import java.util.List;

/** Backs every repair mutation's payload type: the repair as now stored, or why nothing changed. */
public record RepairPayload(RepairView repair, List<UserError> errors) {
    static RepairPayload of(Outcome<RepairView> outcome) {
        return new RepairPayload(outcome.value(), outcome.errors());
    }
}
