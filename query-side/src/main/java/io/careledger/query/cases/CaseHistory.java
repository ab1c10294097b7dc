package io.careledger.query.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.careledger.api.cases.CaseEvent;
import io.careledger.api.cases.CaseSnapshot;
import io.careledger.api.cases.GetCaseAsOf;
import io.careledger.api.cases.GetCaseHistory;
import io.careledger.api.cases.CaseView;
import io.careledger.api.cases.RecordedEvent;
import io.careledger.api.complaint.ComplaintEvent;
import io.careledger.api.complaint.ComplaintView;
import io.careledger.api.refund.RefundEvent;
import io.careledger.api.refund.RefundView;
import io.careledger.api.repair.RepairEvent;
import io.careledger.api.repair.RepairView;
import io.careledger.query.projection.StoredEvents;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * A case as its stored events tell it: the audit trail and the case replayed to any moment. Answers from
 * the event store, never from the search index, so it is exact and immediately consistent.
 */
@Component
public class CaseHistory {
    private final EventStore eventStore;
    private final Serializer eventSerializer;
    private final ReadablePayloads payloads;

    /**
     * @param eventSerializer the serializer the events are stored with, so types read as stored
     * @param payloads        the payloads as JSON, personal fields opened (the store holds them sealed)
     */
    @Autowired
    public CaseHistory(EventStore eventStore, @Qualifier("eventSerializer") Serializer eventSerializer,
                       ReadablePayloads payloads) {
        this.eventStore = eventStore;
        this.eventSerializer = eventSerializer;
        this.payloads = payloads;
    }

    /** With a serializer that writes payloads as people may read them (one that seals nothing). */
    public CaseHistory(EventStore eventStore, Serializer eventSerializer) {
        this(eventStore, eventSerializer, payload -> eventSerializer.serialize(payload, String.class).getData());
    }

    @QueryHandler
    public List<RecordedEvent> handle(GetCaseHistory query) {
        return events(query.caseId()).stream().map(this::recorded).collect(Collectors.toList());
    }

    /**
     * Folds the events up to the first one that happened after {@code at}: a clock that stepped back must not
     * fold a later fact into an earlier moment.
     */
    @QueryHandler
    public Optional<CaseSnapshot> handle(GetCaseAsOf query) {
        Instant at = query.at();
        return fold(query.caseId(), event -> at == null || !occurredAt(event).isAfter(at))
                .map(folded -> new CaseSnapshot(at == null ? folded.lastEventAt() : at, folded.eventCount(),
                        folded.lastEventAt(), folded.view()));
    }

    /**
     * The case as its events up to {@code sequence} fold it, for a projection that missed some of them.
     *
     * @throws IllegalStateException when the store holds no opening event of that case
     */
    public CaseView replayThrough(String caseId, long sequence) {
        return StoredEvents.fold(eventStore, caseId, CaseEvent.class, sequence, CaseHistory::foldAny)
                .orElseThrow(() -> new IllegalStateException("No stored opening of case " + caseId));
    }

    /** One case event of any kind on top of the view of its case (null before the first). */
    static CaseView foldAny(CaseView state, CaseEvent event, long sequence) {
        if (event instanceof ComplaintEvent complaint) {
            return ComplaintFold.apply((ComplaintView) state, complaint, sequence);
        }
        if (event instanceof RefundEvent refund) {
            return RefundFold.apply((RefundView) state, refund, sequence);
        }
        if (event instanceof RepairEvent repair) {
            return RepairFold.apply((RepairView) state, repair, sequence);
        }
        throw new IllegalArgumentException("No fold for " + event.getClass().getName());
    }

    private Optional<Folded> fold(String caseId, Predicate<DomainEventMessage<?>> within) {
        CaseView view = null;
        int count = 0;
        Instant last = null;
        for (DomainEventMessage<?> event : events(caseId)) {
            if (!within.test(event)) {
                break;
            }
            if (event.getPayload() instanceof CaseEvent caseEvent) {
                view = foldAny(view, caseEvent, event.getSequenceNumber());
                count++;
                last = occurredAt(event);
            }
        }
        return view == null ? Optional.empty() : Optional.of(new Folded(view, count, last));
    }

    /** Every event of the case, oldest first; never a snapshot, because the history is the events. */
    private List<? extends DomainEventMessage<?>> events(String caseId) {
        return StoredEvents.read(eventStore, caseId);
    }

    private RecordedEvent recorded(DomainEventMessage<?> event) {
        SerializedType type = eventSerializer.typeForClass(event.getPayloadType());
        MetaData metaData = event.getMetaData();
        return new RecordedEvent(event.getIdentifier(), event.getSequenceNumber(), type.getName(),
                type.getRevision(), occurredAt(event), text(metaData, "actor"), text(metaData, "channel"),
                text(metaData, "correlationId"), text(metaData, "causationId"),
                payloads.json(event.getPayload()));
    }

    /** Business time for case events; the time the store recorded for anything else. */
    private static Instant occurredAt(EventMessage<?> event) {
        return event.getPayload() instanceof CaseEvent caseEvent ? caseEvent.occurredAt() : event.getTimestamp();
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }

    private record Folded(CaseView view, int eventCount, Instant lastEventAt) {
    }
}
