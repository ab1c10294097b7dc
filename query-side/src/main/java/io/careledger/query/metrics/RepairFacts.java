package io.careledger.query.metrics;

import io.careledger.api.repair.RepairEvent;
import io.careledger.api.repair.RepairRegistered;

/** What a repair's events contribute to the metrics (docs/metrics.md, "Repairs"). Pure. */
final class RepairFacts {

    private RepairFacts() {
    }

    /** @param state the fact before the event; null only before the repair was registered */
    static MetricFact apply(MetricFact state, RepairEvent event, long sequence) {
        if (event instanceof RepairRegistered registered) {
            MetricFact.Draft d = MetricFact.draft(registered.repairId().value(), MetricFact.Kind.REPAIR, sequence,
                    registered.occurredAt());
            d.storeId = registered.storeId() == null ? null : registered.storeId().value();
            d.customerId = registered.customerId().value();
            d.staffId = registered.by().value();
            // Free as the warranty policy decided at registration; a later paid exchange does not change that.
            d.free = registered.decision().freeOfCharge();
            return d.build();
        }
        if (state == null) {
            throw new IllegalStateException("Repair " + event.caseId() + " has a "
                    + event.getClass().getSimpleName() + " (sequence " + sequence + ") but was never registered");
        }
        return state.edit(sequence).build();
    }
}
