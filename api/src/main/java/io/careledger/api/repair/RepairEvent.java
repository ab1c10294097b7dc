package io.careledger.api.repair;

import io.careledger.api.cases.CaseEvent;
import io.careledger.api.customer.CustomerId;

/** Every fact of a repair's life; each carries the customer. The set is closed for exhaustive readers. */
public sealed interface RepairEvent extends CaseEvent
        permits RepairRegistered, RepairItemTakenIn, RepairStepLogged, RepairCompleted, RepairDeclaredUnrepairable,
        RepairItemReturned {

    RepairId repairId();

    CustomerId customerId();

    @Override
    default String caseId() {
        return repairId().value();
    }
}
