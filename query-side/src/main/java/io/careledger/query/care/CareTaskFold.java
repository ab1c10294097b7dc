package io.careledger.query.care;

import java.time.Instant;

import io.careledger.api.care.CareOutcome;
import io.careledger.api.care.CareTaskCompleted;
import io.careledger.api.care.CareTaskEvent;
import io.careledger.api.care.CareTaskOverdue;
import io.careledger.api.care.CareTaskScheduled;
import io.careledger.api.care.CareTaskSkipped;
import io.careledger.api.care.CareTaskStatus;
import io.careledger.api.care.CareTaskView;
import io.careledger.api.common.StaffId;

/**
 * How one care-task event changes the task as readers see it. Pure, so {@code FindCareTask} (replayed from
 * the event store), the care-task projection and its rebuild agree. A task starts either scheduled (OPEN) or
 * skipped (SKIPPED, never actionable); an open task may become OVERDUE, and either is completed (DONE).
 */
public final class CareTaskFold {

    private CareTaskFold() {
    }

    /**
     * @param state    the task before the event; null only before it was scheduled or skipped
     * @param sequence the event's sequence number in the task's stream, recorded as the view's version
     * @throws IllegalStateException for an event of a task that was never scheduled or skipped
     */
    public static CareTaskView apply(CareTaskView state, CareTaskEvent event, long sequence) {
        if (event instanceof CareTaskScheduled scheduled) {
            return new CareTaskView(scheduled.careTaskId(), scheduled.customerId(), scheduled.kind(),
                    CareTaskStatus.OPEN, scheduled.dueAt(), scheduled.assignee(), scheduled.storeId(),
                    scheduled.channel(), scheduled.reason(), scheduled.subjectRef(), null, null, null, null, null,
                    null, scheduled.occurredAt(), sequence);
        }
        if (event instanceof CareTaskSkipped skipped) {
            return new CareTaskView(skipped.careTaskId(), skipped.customerId(), skipped.kind(),
                    CareTaskStatus.SKIPPED, null, skipped.assignee(), skipped.storeId(), null, skipped.reason(),
                    skipped.subjectRef(), skipped.skipReason(), null, null, null, null, null, skipped.occurredAt(),
                    sequence);
        }
        if (state == null) {
            throw new IllegalStateException("Care task " + event.careTaskId() + " has a "
                    + event.getClass().getSimpleName() + " (sequence " + sequence + ") but was never scheduled");
        }
        if (event instanceof CareTaskOverdue) {
            // Only an open task can fall overdue; a deadline firing after the task was done changes nothing.
            CareTaskStatus status = state.status() == CareTaskStatus.OPEN ? CareTaskStatus.OVERDUE : state.status();
            return with(state, status, state.outcome(), state.notes(), state.callbackAt(),
                    state.completedBy(), state.completedAt(), sequence);
        }
        if (event instanceof CareTaskCompleted completed) {
            return with(state, CareTaskStatus.DONE, completed.outcome(), completed.notes(), completed.callbackAt(),
                    completed.by(), completed.occurredAt(), sequence);
        }
        // Unreachable while every permitted CareTaskEvent has a branch above (CareTaskFoldTest checks).
        throw new IllegalArgumentException("No fold for " + event.getClass().getName());
    }

    private static CareTaskView with(CareTaskView state, CareTaskStatus status, CareOutcome outcome,
                                     String notes, Instant callbackAt, StaffId completedBy,
                                     Instant completedAt, long version) {
        return new CareTaskView(state.id(), state.customerId(), state.kind(), status, state.dueAt(), state.assignee(),
                state.storeId(), state.channel(), state.reason(), state.subjectRef(), state.skipReason(), outcome,
                notes, callbackAt, completedBy, completedAt, state.createdAt(), version);
    }
}
