package io.careledger.query.metrics;

import java.util.EnumSet;
import java.util.Set;

import io.careledger.api.care.CareTaskCompleted;
import io.careledger.api.care.CareTaskEvent;
import io.careledger.api.care.CareTaskKind;
import io.careledger.api.care.CareTaskScheduled;
import io.careledger.api.care.CareTaskSkipped;

/** What a care task's events contribute to the metrics (docs/metrics.md, "Follow-ups"). Pure. */
final class CareTaskFacts {
    /** The calls DOMAIN.md §3 counts as follow-ups; messages and visits are care, not follow-up. */
    static final Set<CareTaskKind> FOLLOW_UPS = EnumSet.of(CareTaskKind.PURCHASE_FOLLOW_UP,
            CareTaskKind.SATISFACTION_FOLLOW_UP, CareTaskKind.CALLBACK);
    static final String SCHEDULED = "SCHEDULED";
    static final String SKIPPED = "SKIPPED";
    static final String COMPLETED = "COMPLETED";

    private CareTaskFacts() {
    }

    /** @param state the fact before the event; null only before the task was scheduled or skipped */
    static MetricFact apply(MetricFact state, CareTaskEvent event, long sequence) {
        if (event instanceof CareTaskScheduled scheduled) {
            MetricFact.Draft d = start(event, sequence);
            d.at = scheduled.dueAt();
            d.staffId = scheduled.assignee() == null ? null : scheduled.assignee().value();
            d.storeId = scheduled.storeId() == null ? null : scheduled.storeId().value();
            d.status = SCHEDULED;
            return d.build();
        }
        if (event instanceof CareTaskSkipped skipped) {
            MetricFact.Draft d = start(event, sequence);
            d.staffId = skipped.assignee() == null ? null : skipped.assignee().value();
            d.storeId = skipped.storeId() == null ? null : skipped.storeId().value();
            d.status = SKIPPED;
            return d.build();
        }
        if (state == null) {
            throw new IllegalStateException("Care task " + event.careTaskId() + " has a "
                    + event.getClass().getSimpleName() + " (sequence " + sequence + ") but was never scheduled");
        }
        MetricFact.Draft d = state.edit(sequence);
        if (event instanceof CareTaskCompleted completed) {
            d.status = COMPLETED;
            d.completedBy = completed.by().value();
            d.completedAt = completed.occurredAt();
        }
        // Overdue changes no figure: an overdue task completed late still counts as completed.
        return d.build();
    }

    private static MetricFact.Draft start(CareTaskEvent event, long sequence) {
        MetricFact.Draft d = MetricFact.draft(event.careTaskId().value(), MetricFact.Kind.CARE_TASK, sequence,
                event.occurredAt());
        d.customerId = event.customerId().value();
        d.taskKind = event.kind().name();
        d.followUp = FOLLOW_UPS.contains(event.kind());
        return d.build().edit(sequence);
    }
}
