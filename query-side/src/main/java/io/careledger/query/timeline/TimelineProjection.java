package io.careledger.query.timeline;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.careledger.api.care.CareTaskEvent;
import io.careledger.api.common.EventName;
import io.careledger.api.common.StaffId;
import io.careledger.api.complaint.ComplaintEvent;
import io.careledger.api.customer.CustomerEvent;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.CustomerPersonalDataErased;
import io.careledger.api.refund.RefundEvent;
import io.careledger.api.repair.FreeCareRedeemed;
import io.careledger.api.repair.RepairEvent;
import io.careledger.api.timeline.TimelineEntry;
import io.careledger.api.timeline.WatchCustomerTimeline;
import io.careledger.query.projection.StoredEvents;
import io.careledger.query.projection.TrackingPositions;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Projects every event about a customer (the customer's own, their complaints', refunds', repairs' and care tasks') into
 * the timeline index: one immutable entry per event, its id the event's identifier, created once, so a
 * duplicate delivery or a replay into the same index neither changes nor repeats it. Its {@code position}
 * is the event's place in the global stream, the same live and in every replay, so a rebuilt timeline
 * equals the live one entry for entry.
 * <p>
 * A newly created entry is then sent to the customer's {@link WatchCustomerTimeline} subscribers (after the
 * unit of work commits), but only live: a replay re-projects history that subscribers do not want again.
 * While somebody watches the customer, the write refreshes the index, so a subscriber that queries on
 * receiving the entry finds it (a refresh per watched entry, instead of waiting up to the refresh interval,
 * which would hold the whole processor up for that long on every such entry). Updates reach subscribers of this service instance only (Axon's
 * in-process update emitter), which is where the segment of that customer's events is processed.
 */
@Component
@ProcessingGroup(TimelineProjection.PROCESSING_GROUP)
public class TimelineProjection {
    public static final String PROCESSING_GROUP = "timeline-projection";
    /** The position of an event delivered without a tracking token (never by a streaming processor). */
    public static final long UNKNOWN_POSITION = -1;
    private static final Logger log = LoggerFactory.getLogger(TimelineProjection.class);

    private final TimelineIndex index;
    private final ComplaintCustomers complaints;
    private final QueryUpdateEmitter updates;
    private final EventStore eventStore;

    public TimelineProjection(TimelineIndex index, ComplaintCustomers complaints, QueryUpdateEmitter updates,
                              EventStore eventStore) {
        this.index = index;
        this.eventStore = eventStore;
        this.complaints = complaints;
        this.updates = updates;
    }

    @EventHandler
    public void on(CustomerEvent event, @MessageIdentifier String eventId, TrackingToken token, ReplayStatus replay)
            throws IOException {
        project(event, event.customerId(), event.by(), event.occurredAt(), eventId, token, replay);
    }

    /**
     * Adds the erasure's own entry, then corrects the customer's entries that showed personal data: their events
     * are read again from the store, which now gives the placeholder, and summarised again at the same position.
     * Only the customer's own events and their complaints' filings carry personal fields ({@link PersonalEvents}).
     * A rebuild summarises the same placeholders, so it ends with the same entries; handling the erasure again
     * changes nothing.
     */
    @EventHandler
    public void on(CustomerPersonalDataErased event, @MessageIdentifier String eventId, TrackingToken token,
                   ReplayStatus replay) throws IOException {
        project(event, event.customerId(), event.by(), event.occurredAt(), eventId, token, replay);
        String target = index.writeIndex();
        Map<String, TimelineEntry> shown = new HashMap<>();
        Set<String> streams = new LinkedHashSet<>();
        streams.add(event.customerId().value());
        for (TimelineEntry entry : index.entriesOf(target, event.customerId(), PersonalEvents.eventTypes())) {
            shown.put(entry.entryId(), entry);
            if (entry.caseId() != null && !(entry.eventType().startsWith("customer."))) {
                streams.add(entry.caseId());
            }
        }
        for (String stream : streams) {
            for (DomainEventMessage<?> message : StoredEvents.read(eventStore, stream)) {
                TimelineEntry before = shown.get(message.getIdentifier());
                Object payload = message.getPayload();
                if (before != null && (payload instanceof CustomerEvent || payload instanceof ComplaintEvent)) {
                    StaffId by = payload instanceof CustomerEvent c ? c.by() : ((ComplaintEvent) payload).by();
                    Instant occurredAt = payload instanceof CustomerEvent c ? c.occurredAt()
                            : ((ComplaintEvent) payload).occurredAt();
                    index.correct(target, entry(payload, event.customerId(), by, occurredAt, message.getIdentifier(),
                            before.position()));
                }
            }
        }
    }

    @EventHandler
    public void on(ComplaintEvent event, @MessageIdentifier String eventId, TrackingToken token, ReplayStatus replay)
            throws IOException {
        project(event, complaints.customerOf(event), event.by(), event.occurredAt(), eventId, token, replay);
    }

    @EventHandler
    public void on(RefundEvent event, @MessageIdentifier String eventId, TrackingToken token, ReplayStatus replay)
            throws IOException {
        project(event, event.customerId(), event.by(), event.occurredAt(), eventId, token, replay);
    }

    @EventHandler
    public void on(RepairEvent event, @MessageIdentifier String eventId, TrackingToken token, ReplayStatus replay)
            throws IOException {
        project(event, event.customerId(), event.by(), event.occurredAt(), eventId, token, replay);
    }

    @EventHandler
    public void on(FreeCareRedeemed event, @MessageIdentifier String eventId, TrackingToken token,
                   ReplayStatus replay) throws IOException {
        project(event, event.customerId(), event.by(), event.occurredAt(), eventId, token, replay);
    }

    @EventHandler
    public void on(CareTaskEvent event, @MessageIdentifier String eventId, TrackingToken token, ReplayStatus replay)
            throws IOException {
        project(event, event.customerId(), event.by(), event.occurredAt(), eventId, token, replay);
    }

    /** The entry an event makes, the same whenever and however often it is delivered. */
    static TimelineEntry entry(Object event, CustomerId customer, StaffId by, Instant occurredAt, String eventId,
                               long position) {
        TimelineSummaries.Summary summary = TimelineSummaries.of(event);
        return new TimelineEntry(eventId, customer, summary.type(), eventType(event), occurredAt, summary.text(),
                summary.amount(), summary.points(), summary.caseId(), summary.orderId(), by, position);
    }

    private void project(Object event, CustomerId customer, StaffId by, Instant occurredAt, String eventId,
                         TrackingToken token, ReplayStatus replay) throws IOException {
        TimelineEntry entry = entry(event, customer, by, occurredAt, eventId,
                TrackingPositions.of(token).orElse(UNKNOWN_POSITION));
        boolean live = replay == null || !replay.isReplay();
        boolean watched = live && watched(customer);
        if (!index.create(index.writeIndex(), entry, watched)) {
            log.debug("Timeline entry {} exists already", eventId);
            return;
        }
        if (live) {
            updates.emit(WatchCustomerTimeline.class, watch -> watch.customerId().equals(customer), entry);
        }
    }

    private boolean watched(CustomerId customer) {
        return updates.activeSubscriptions().stream().anyMatch(subscription ->
                subscription.getPayload() instanceof WatchCustomerTimeline watch && watch.customerId().equals(customer));
    }

    /** The stable stored name, never the Java class name. */
    private static String eventType(Object event) {
        EventName name = event.getClass().getAnnotation(EventName.class);
        return name != null ? name.value() : event.getClass().getName();
    }
}
