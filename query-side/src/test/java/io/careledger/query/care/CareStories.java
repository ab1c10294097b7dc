package io.careledger.query.care;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.careledger.api.care.CareOutcome;
import io.careledger.api.care.CareSkipReason;
import io.careledger.api.care.CareTaskCompleted;
import io.careledger.api.care.CareTaskEvent;
import io.careledger.api.care.CareTaskId;
import io.careledger.api.care.CareTaskKind;
import io.careledger.api.care.CareTaskOverdue;
import io.careledger.api.care.CareTaskScheduled;
import io.careledger.api.care.CareTaskSkipped;
import io.careledger.api.care.CareTaskView;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.customer.ContactChannel;
import io.careledger.api.customer.CustomerId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

/** Care-task events as the command side records them, for the read-model tests. */
public final class CareStories {
    public static final Instant T0 = Instant.parse("2026-02-01T09:00:00.5Z");
    public static final StaffId CARER = StaffId.of("staff-3");
    public static final StoreId STORE = StoreId.of("SH-001");

    private CareStories() {
    }

    public static CareTaskScheduled scheduled(String id, String customer, CareTaskKind kind, Instant dueAt,
                                              StaffId assignee, Instant at) {
        return new CareTaskScheduled(CareTaskId.of(id), CustomerId.of(customer), kind, dueAt, assignee, STORE,
                kind.isMessage() ? ContactChannel.SMS : null, "一周回访 one week after the purchase", "order-" + id,
                "care-consent-2026.1", StaffId.SYSTEM, at);
    }

    public static CareTaskSkipped skipped(String id, String customer, CareTaskKind kind, Instant at) {
        return new CareTaskSkipped(CareTaskId.of(id), CustomerId.of(customer), kind, CareSkipReason.NO_CONSENT, null,
                STORE, "birthday greeting", "birthday-" + id, "care-consent-2026.1",
                StaffId.SYSTEM, at);
    }

    public static CareTaskOverdue overdue(CareTaskScheduled task, Instant at) {
        return new CareTaskOverdue(task.careTaskId(), task.customerId(), task.kind(), task.dueAt(), task.assignee(),
                StaffId.SYSTEM, at);
    }

    public static CareTaskCompleted completed(CareTaskScheduled task, CareOutcome outcome, String notes,
                                              Instant callbackAt, boolean overdue, StaffId by, Instant at) {
        return new CareTaskCompleted(task.careTaskId(), task.customerId(), task.kind(), outcome, notes, callbackAt,
                overdue, by, at);
    }

    /** A follow-up call through every kind of care-task event but the skip: scheduled, overdue, done. */
    public static List<CareTaskEvent> followUp(String id, String customer, Instant scheduledAt) {
        CareTaskScheduled scheduled = scheduled(id, customer, CareTaskKind.PURCHASE_FOLLOW_UP,
                scheduledAt.plus(Duration.ofDays(7)), CARER, scheduledAt);
        return List.of(scheduled,
                overdue(scheduled, scheduled.dueAt()),
                completed(scheduled, CareOutcome.CALLBACK_AGREED, "顾客问洗涤方法 asked how to wash it",
                        scheduled.dueAt().plus(Duration.ofDays(2)), true, CARER,
                        scheduled.dueAt().plus(Duration.ofHours(3))));
    }

    public static CareTaskView fold(List<? extends CareTaskEvent> events) {
        CareTaskView view = null;
        for (int sequence = 0; sequence < events.size(); sequence++) {
            view = CareTaskFold.apply(view, events.get(sequence), sequence);
        }
        return view;
    }

    public static List<DomainEventMessage<CareTaskEvent>> messages(List<? extends CareTaskEvent> events) {
        List<DomainEventMessage<CareTaskEvent>> messages = new ArrayList<>();
        for (int sequence = 0; sequence < events.size(); sequence++) {
            CareTaskEvent event = events.get(sequence);
            messages.add(new GenericDomainEventMessage<>("CareTask", event.careTaskId().value(), sequence, event,
                    MetaData.with("actor", event.by().value())));
        }
        return messages;
    }
}
