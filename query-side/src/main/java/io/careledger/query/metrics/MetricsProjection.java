package io.careledger.query.metrics;

import java.io.IOException;
import java.util.Optional;

import io.careledger.api.care.CareTaskEvent;
import io.careledger.api.cases.CaseEvent;
import io.careledger.api.complaint.ComplaintAcknowledged;
import io.careledger.api.complaint.ComplaintEvent;
import io.careledger.api.complaint.ComplaintFiled;
import io.careledger.api.customer.PurchaseRecorded;
import io.careledger.api.customer.SurveyResponseRecorded;
import io.careledger.api.customer.SurveySubject;
import io.careledger.api.refund.RefundEvent;
import io.careledger.api.refund.RefundRequested;
import io.careledger.api.repair.RepairEvent;
import io.careledger.api.repair.RepairRegistered;
import io.careledger.query.projection.StoredEvents;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Projects events into metrics facts ({@link MetricFact}), idempotent like the other projections: aggregate
 * facts are applied on top of their predecessor and written whole with the event's sequence number as the
 * external version (refolded from the event store when behind), single facts are created once.
 * <p>
 * A survey response takes its store, channel, category and staff member from its subject, read from the event
 * store as the subject stood when the response was recorded: the answer is the same live, in a replay and in
 * any processing order, unlike a lookup in the metrics index, which another segment may not have written yet.
 * The repeat-purchase rate needs no such lookup: purchases are facts of their own, joined with resolved
 * complaints at query time ({@link MetricsQueries}).
 */
@Component
@ProcessingGroup(MetricsProjection.PROCESSING_GROUP)
public class MetricsProjection {
    public static final String PROCESSING_GROUP = "metrics-projection";
    private static final Logger log = LoggerFactory.getLogger(MetricsProjection.class);

    private final MetricsIndex index;
    private final EventStore eventStore;

    public MetricsProjection(MetricsIndex index, EventStore eventStore) {
        this.index = index;
        this.eventStore = eventStore;
    }

    @EventHandler
    public void on(ComplaintEvent event, @SequenceNumber long sequence) throws IOException {
        String id = event.caseId();
        apply(id, sequence, current -> ComplaintFacts.apply(current, event, sequence),
                through -> refold(id, ComplaintEvent.class, through, ComplaintFacts::apply));
    }

    @EventHandler
    public void on(RefundEvent event, @SequenceNumber long sequence) throws IOException {
        String id = event.caseId();
        apply(id, sequence, current -> RefundFacts.apply(current, event, sequence),
                through -> refold(id, RefundEvent.class, through, RefundFacts::apply));
    }

    @EventHandler
    public void on(RepairEvent event, @SequenceNumber long sequence) throws IOException {
        String id = event.caseId();
        apply(id, sequence, current -> RepairFacts.apply(current, event, sequence),
                through -> refold(id, RepairEvent.class, through, RepairFacts::apply));
    }

    @EventHandler
    public void on(CareTaskEvent event, @SequenceNumber long sequence) throws IOException {
        String id = event.careTaskId().value();
        apply(id, sequence, current -> CareTaskFacts.apply(current, event, sequence),
                through -> refold(id, CareTaskEvent.class, through, CareTaskFacts::apply));
    }

    @EventHandler
    public void on(PurchaseRecorded event, @SequenceNumber long sequence) throws IOException {
        MetricFact.Draft d = MetricFact.draft(purchaseId(event), MetricFact.Kind.PURCHASE, sequence,
                event.purchasedAt());
        d.customerId = event.customerId().value();
        d.storeId = event.storeId() == null ? null : event.storeId().value();
        d.channel = event.channel() == null ? null : event.channel().name();
        createOnce(d.build());
    }

    @EventHandler
    public void on(SurveyResponseRecorded event, @SequenceNumber long sequence) throws IOException {
        MetricFact.Draft d = MetricFact.draft(event.responseId().value(), MetricFact.Kind.SURVEY, sequence,
                event.occurredAt());
        d.customerId = event.customerId().value();
        d.csat = event.csat();
        d.nps = event.nps();
        SurveySubject subject = event.subject();
        if (subject != null) {
            d.subjectKind = subject.kind().name();
            d.subjectId = subject.id();
            if (subject.kind() == SurveySubject.Kind.CASE) {
                describeCase(d, subject.id(), event);
            } else {
                describeOrder(d, subject.id(), event);
            }
        }
        createOnce(d.build());
    }

    /** The complaint's (or refund's, repair's) store, channel, category and owner as they stood at the response. */
    private void describeCase(MetricFact.Draft d, String caseId, SurveyResponseRecorded response) {
        for (DomainEventMessage<?> message : StoredEvents.read(eventStore, caseId)) {
            Object payload = message.getPayload();
            if (payload instanceof CaseEvent caseEvent && caseEvent.occurredAt().isAfter(response.occurredAt())) {
                break;
            }
            if (payload instanceof ComplaintFiled filed) {
                d.storeId = filed.storeId().value();
                d.channel = filed.channel().name();
                d.category = filed.category().name();
            } else if (payload instanceof ComplaintAcknowledged acknowledged) {
                d.staffId = acknowledged.by().value();
            } else if (payload instanceof RefundRequested requested && requested.storeId() != null) {
                d.storeId = requested.storeId().value();
            } else if (payload instanceof RepairRegistered registered && registered.storeId() != null) {
                d.storeId = registered.storeId().value();
            }
        }
    }

    /** The store of the order, from the customer's own purchases recorded before the response. */
    private void describeOrder(MetricFact.Draft d, String orderId, SurveyResponseRecorded response) {
        for (DomainEventMessage<?> message : StoredEvents.read(eventStore, response.customerId().value())) {
            if (message.getPayload() instanceof PurchaseRecorded purchase
                    && purchase.orderId().value().equals(orderId)) {
                d.storeId = purchase.storeId() == null ? null : purchase.storeId().value();
                return;
            }
        }
    }

    /** Order ids are unique per customer only. */
    static String purchaseId(PurchaseRecorded event) {
        return event.customerId().value() + "/order/" + event.orderId().value();
    }

    private void apply(String id, long sequence, java.util.function.UnaryOperator<MetricFact> fold,
                       java.util.function.LongFunction<MetricFact> refold) throws IOException {
        if (!index.apply(id, sequence, fold, refold)) {
            log.debug("Metrics fact {} already at version {} or later", id, sequence);
        }
    }

    private void createOnce(MetricFact fact) throws IOException {
        if (!index.createOnce(fact)) {
            log.debug("Metrics fact {} already recorded", fact.id());
        }
    }

    private <E> MetricFact refold(String id, Class<E> type, long through, StoredEvents.Fold<MetricFact, E> fold) {
        Optional<MetricFact> folded = StoredEvents.fold(eventStore, id, type, through, fold);
        return folded.orElseThrow(() -> new IllegalStateException("No stored opening of " + id));
    }
}
