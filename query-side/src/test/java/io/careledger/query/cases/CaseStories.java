package io.careledger.query.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.careledger.api.common.Channel;
import io.careledger.api.common.Money;
import io.careledger.api.common.OrderId;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.complaint.Compensation;
import io.careledger.api.complaint.CompensationKind;
import io.careledger.api.complaint.ComplaintAcknowledged;
import io.careledger.api.complaint.ComplaintCategory;
import io.careledger.api.complaint.ComplaintClosed;
import io.careledger.api.complaint.ComplaintContactLogged;
import io.careledger.api.complaint.ComplaintDeadlineMissed;
import io.careledger.api.complaint.ComplaintEscalated;
import io.careledger.api.complaint.ComplaintEvent;
import io.careledger.api.complaint.ComplaintFiled;
import io.careledger.api.complaint.ComplaintFollowedUp;
import io.careledger.api.complaint.ComplaintId;
import io.careledger.api.complaint.ComplaintReopened;
import io.careledger.api.complaint.ComplaintResolved;
import io.careledger.api.complaint.ComplaintView;
import io.careledger.api.complaint.ContactKind;
import io.careledger.api.complaint.DeadlineKind;
import io.careledger.api.complaint.Department;
import io.careledger.api.complaint.ResolutionProposed;
import io.careledger.api.complaint.ResolutionRejected;
import io.careledger.api.complaint.Severity;
import io.careledger.api.customer.CustomerId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

/** Complaint events as the command side records them, for the read-model tests. */
public final class CaseStories {
    public static final Instant T0 = Instant.parse("2026-03-01T08:00:00.123456789Z");
    public static final StaffId CLERK = StaffId.of("clerk-1");
    public static final StaffId RESPONDER = StaffId.of("staff-7");
    public static final StaffId COLLEAGUE = StaffId.of("staff-9");

    private CaseStories() {
    }

    public static ComplaintFiled filed(String id, Instant at, String description, String store,
                                       Severity severity, Department department) {
        return filed(id, at, description, "Customer: the cake I bought yesterday is mouldy.", store, severity,
                department);
    }

    public static ComplaintFiled filed(String id, Instant at, String description, String transcript,
                                       String store, Severity severity, Department department) {
        return new ComplaintFiled(ComplaintId.of(id), CustomerId.of("customer-" + id), Channel.HOTLINE,
                ComplaintCategory.FRESH_SPOILAGE, description, StoreId.of(store), OrderId.of("order-" + id),
                transcript, severity, department, at.plus(Duration.ofHours(4)), "severity-1", "routing-1", CLERK, at);
    }

    /** The mouldy-cake case through every kind of event, one minute apart. */
    public static List<ComplaintEvent> lifecycle(String id, Instant filedAt) {
        ComplaintId complaint = ComplaintId.of(id);
        Clock clock = new Clock(filedAt);
        List<ComplaintEvent> events = new ArrayList<>();
        events.add(filed(id, clock.now(), "蛋糕发霉了", "store-1", Severity.LEVEL_2, Department.STORE_OPERATIONS));
        events.add(new ComplaintDeadlineMissed(complaint, DeadlineKind.FIRST_RESPONSE, filedAt.plus(Duration.ofHours(4)),
                Severity.LEVEL_2, StaffId.SYSTEM, clock.next()));
        events.add(new ComplaintEscalated(complaint, Severity.LEVEL_2, Severity.LEVEL_3,
                Department.HEAD_OFFICE_AFTER_SALES, "first response deadline missed", true,
                DeadlineKind.FIRST_RESPONSE, clock.now().plus(Duration.ofHours(24)), "severity-1", StaffId.SYSTEM,
                clock.next()));
        events.add(new ComplaintAcknowledged(complaint, false, RESPONDER, clock.next()));
        events.add(new ComplaintContactLogged(complaint, ContactKind.APOLOGISE, "向顾客道歉 apologised on the phone",
                RESPONDER, clock.next()));
        events.add(new ResolutionProposed(complaint, "Refund the cake",
                List.of(new Compensation(CompensationKind.REFUND, Money.of("12.50", "CNY"), "cake price")),
                RESPONDER, clock.next()));
        events.add(new ResolutionRejected(complaint, "wants an apology from the store too", RESPONDER, clock.next()));
        events.add(new ResolutionProposed(complaint, "Refund and a coupon, store manager calls back",
                List.of(new Compensation(CompensationKind.REFUND, Money.of("12.50", "CNY"), "cake price"),
                        new Compensation(CompensationKind.COUPON, Money.of("20.00", "CNY"), "next purchase"),
                        new Compensation(CompensationKind.GIFT, null, "flowers")),
                RESPONDER, clock.next()));
        events.add(new ComplaintResolved(complaint, "accepted", false, filedAt, RESPONDER, clock.next()));
        events.add(new ComplaintFollowedUp(complaint, 4, "satisfied", COLLEAGUE, clock.next()));
        events.add(new ComplaintClosed(complaint, "done", RESPONDER, clock.next()));
        events.add(new ComplaintReopened(complaint, "mould found on a second cake", RESPONDER, clock.next()));
        events.add(new ComplaintContactLogged(complaint, ContactKind.LISTEN, "second cake also mouldy",
                COLLEAGUE, clock.next()));
        return events;
    }

    /** The mouldy-cake case of the given customer. */
    public static List<ComplaintEvent> lifecycle(String id, CustomerId customer, Instant filedAt) {
        List<ComplaintEvent> events = new ArrayList<>(lifecycle(id, filedAt));
        ComplaintFiled f = (ComplaintFiled) events.get(0);
        events.set(0, new ComplaintFiled(f.complaintId(), customer, f.channel(), f.category(), f.description(),
                f.storeId(), f.orderId(), f.transcript(), f.severity(), f.department(), f.responseDueAt(),
                f.severityPolicyVersion(), f.routingPolicyVersion(), f.by(), f.occurredAt()));
        return events;
    }

    /** The view of events applied once each, in order, with their index as sequence number. */
    public static ComplaintView fold(List<? extends ComplaintEvent> events) {
        ComplaintView view = null;
        for (int sequence = 0; sequence < events.size(); sequence++) {
            view = ComplaintFold.apply(view, events.get(sequence), sequence);
        }
        return view;
    }

    /** The events as the aggregate stores them: sequence numbers from 0, and the metadata the edge adds. */
    public static List<DomainEventMessage<ComplaintEvent>> messages(List<? extends ComplaintEvent> events) {
        List<DomainEventMessage<ComplaintEvent>> messages = new ArrayList<>();
        for (int sequence = 0; sequence < events.size(); sequence++) {
            ComplaintEvent event = events.get(sequence);
            messages.add(new GenericDomainEventMessage<>("Complaint", event.caseId(), sequence, event,
                    MetaData.with("actor", event.by().value())
                            .and("channel", "HOTLINE")
                            .and("correlationId", "correlation-" + event.caseId())
                            .and("causationId", "cause-" + event.caseId() + "-" + sequence)));
        }
        return messages;
    }

    /** Business time moving one minute per event. */
    private static final class Clock {
        private Instant now;

        private Clock(Instant start) {
            now = start;
        }

        private Instant now() {
            return now;
        }

        private Instant next() {
            now = now.plus(Duration.ofMinutes(1));
            return now;
        }
    }
}
