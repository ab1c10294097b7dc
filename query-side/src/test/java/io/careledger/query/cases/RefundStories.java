package io.careledger.query.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.careledger.api.common.Money;
import io.careledger.api.common.OrderId;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.complaint.ComplaintId;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.refund.Coupon;
import io.careledger.api.refund.RefundApproved;
import io.careledger.api.refund.RefundDeadline;
import io.careledger.api.refund.RefundDeadlineMissed;
import io.careledger.api.refund.RefundDecisionInputs;
import io.careledger.api.refund.RefundEvent;
import io.careledger.api.refund.RefundId;
import io.careledger.api.refund.RefundLine;
import io.careledger.api.refund.RefundMethod;
import io.careledger.api.refund.RefundPaid;
import io.careledger.api.refund.RefundReason;
import io.careledger.api.refund.RefundRejected;
import io.careledger.api.refund.RefundRequested;
import io.careledger.api.refund.RefundRule;
import io.careledger.api.refund.RefundView;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

/** Refund stories for the query-side tests: one that breaches both commitments, one rejected, one instant. */
public final class RefundStories {
    public static final Instant T0 = Instant.parse("2026-03-05T08:00:00.5Z");
    public static final StaffId CLERK = StaffId.of("clerk-1");
    public static final StaffId SUPERVISOR = StaffId.of("supervisor-1");
    public static final String VERSION = "refund-2026.1";

    private RefundStories() {
    }

    private static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    public static RefundRequested requested(String id, CustomerId customer, Instant at, String amount,
                                            RefundReason reason, String complaintId) {
        List<RefundLine> lines = List.of(new RefundLine("sku-" + id, "TEXTILES", 1, cny(amount)));
        return new RefundRequested(RefundId.of(id), customer, OrderId.of("order-" + id), StoreId.of("SH-001"),
                lines, cny(amount), reason, RefundMethod.STORE_DESK, false, true, true, null,
                complaintId == null ? null : ComplaintId.of(complaintId),
                new RefundDecisionInputs(cny(amount), reason, List.of("TEXTILES"), false, 1, 30),
                at.plus(Duration.ofHours(2)), CLERK, at);
    }

    /** Requested, review missed, approved by a supervisor, payment missed, then paid: every refund event type. */
    public static List<RefundEvent> breached(String id, CustomerId customer, Instant at) {
        RefundRequested requested = requested(id, customer, at, "499.00", RefundReason.QUALITY, "k-" + id);
        Instant approvedAt = at.plus(Duration.ofHours(3));
        RefundApproved approved = new RefundApproved(requested.refundId(), customer, cny("499.00"), null, false,
                RefundRule.SUPERVISOR, VERSION, requested.inputs(), "后来批准 approved late",
                approvedAt.plus(Duration.ofHours(24)), SUPERVISOR, approvedAt);
        return List.of(requested,
                new RefundDeadlineMissed(requested.refundId(), customer, RefundDeadline.REVIEW,
                        requested.reviewDueAt(), StaffId.SYSTEM, requested.reviewDueAt()),
                approved,
                new RefundDeadlineMissed(requested.refundId(), customer, RefundDeadline.PAYMENT,
                        approved.refundDueAt(), StaffId.SYSTEM, approved.refundDueAt()),
                new RefundPaid(requested.refundId(), customer, cny("499.00"), "till-7-0042", List.of(), false, CLERK,
                        approved.refundDueAt().plus(Duration.ofHours(1))));
    }

    public static List<RefundEvent> rejected(String id, CustomerId customer, Instant at) {
        RefundRequested requested = requested(id, customer, at, "800.00", RefundReason.CHANGED_MIND, null);
        return List.of(requested, new RefundRejected(requested.refundId(), customer, "worn for a season", SUPERVISOR,
                at.plus(Duration.ofMinutes(30))));
    }

    /** The instant fresh-food refund: approved and paid in one step with a coupon. */
    public static List<RefundEvent> instant(String id, CustomerId customer, Instant at) {
        RefundRequested requested = requested(id, customer, at, "25.00", RefundReason.SPOILED, null);
        return List.of(requested,
                new RefundApproved(requested.refundId(), customer, cny("25.00"), new Coupon(cny("10.00"), "TEXTILES"),
                        true, RefundRule.FRESH_SPOILAGE_INSTANT, VERSION, requested.inputs(), null,
                        at.plus(Duration.ofHours(24)), StaffId.SYSTEM, at),
                new RefundPaid(requested.refundId(), customer, cny("25.00"), "instant-" + id, List.of(), true,
                        StaffId.SYSTEM, at));
    }

    public static RefundView fold(List<? extends RefundEvent> events) {
        RefundView view = null;
        for (int sequence = 0; sequence < events.size(); sequence++) {
            view = RefundFold.apply(view, events.get(sequence), sequence);
        }
        return view;
    }

    public static List<DomainEventMessage<RefundEvent>> messages(List<? extends RefundEvent> events) {
        List<DomainEventMessage<RefundEvent>> messages = new ArrayList<>();
        for (int sequence = 0; sequence < events.size(); sequence++) {
            RefundEvent event = events.get(sequence);
            messages.add(new GenericDomainEventMessage<>("RefundAggregate", event.caseId(), sequence, event,
                    MetaData.with("actor", event.by().value()).and("channel", "STORE_DESK")));
        }
        return messages;
    }
}
