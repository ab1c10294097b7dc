package io.careledger.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.careledger.api.refund.RefundEvent;
import io.careledger.api.repair.RepairEvent;
import io.careledger.query.cases.RefundStories;
import io.careledger.query.cases.RepairStories;
import io.careledger.api.care.CareTaskEvent;
import io.careledger.api.care.CareTaskKind;
import io.careledger.api.cases.CaseEvent;
import io.careledger.api.common.EventName;
import io.careledger.api.common.StaffId;
import io.careledger.api.complaint.ComplaintEvent;
import io.careledger.api.customer.CustomerEvent;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.CustomerPersonalDataErased;
import io.careledger.api.customer.CustomerTagged;
import io.careledger.api.timeline.GetCustomerTimeline;
import io.careledger.api.timeline.TimelineEntry;
import io.careledger.api.timeline.TimelineEntryType;
import io.careledger.api.timeline.WatchCustomerTimeline;
import io.careledger.query.care.CareStories;
import io.careledger.query.cases.CaseStories;
import io.careledger.query.customer.CustomerStories;
import io.careledger.query.elasticsearch.TestElasticsearch;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericSubscriptionQueryMessage;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.queryhandling.UpdateHandlerRegistration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One immutable entry per event about a customer, whatever the delivery; live entries go to subscribers. */
class TimelineProjectionIT {
    private static final ElasticsearchClient client = TestElasticsearch.client();
    private static final TimelineIndex index = new TimelineIndex(client, "it-timeline-projection");
    private static long nextPosition = 1_000;

    private final EventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final QueryUpdateEmitter emitter = SimpleQueryUpdateEmitter.builder().build();
    private final TimelineProjection projection = new TimelineProjection(index, new ComplaintCustomers(store), emitter, store);
    private final TimelineQueries queries = new TimelineQueries(client, index);
    private final List<UpdateHandlerRegistration<Object>> subscriptions = new ArrayList<>();

    @BeforeEach
    void createIndex() throws IOException {
        index.ensureExists();
    }

    @AfterEach
    void unsubscribe() {
        subscriptions.forEach(subscription -> subscription.getRegistration().cancel());
    }

    @Test
    void everyCustomerCaseAndCareTaskEventMakesOneEntryForTheCustomer() throws IOException {
        Story story = story("tp-all");

        story.deliver(ReplayStatus.REGULAR);

        List<TimelineEntry> entries = entries(story.customer);
        assertThat(entries).hasSize(story.messages.size());
        assertThat(entries).containsExactlyInAnyOrderElementsOf(story.expected());
        assertThat(entries).extracting(TimelineEntry::eventType).containsAll(everyEventName());
        assertThat(entries).extracting(TimelineEntry::type).containsAll(Arrays.asList(TimelineEntryType.values()));
    }

    @Test
    void aComplaintEntryBelongsToTheCustomerWhoFiledIt() throws IOException {
        Story story = story("tp-complaint");
        store.publish(story.messages);
        TimelineProjection fresh = new TimelineProjection(index, new ComplaintCustomers(store), emitter, store);
        DomainEventMessage<?> contact = story.messages.stream()
                .filter(message -> message.getPayload() instanceof ComplaintEvent && message.getSequenceNumber() == 4)
                .findFirst().orElseThrow();

        // The filing was never delivered to this projection: the customer comes from the stored filing.
        fresh.on((ComplaintEvent) contact.getPayload(), contact.getIdentifier(), new GlobalSequenceTrackingToken(5),
                ReplayStatus.REGULAR);

        TimelineEntry entry = index.get(index.readAlias(), contact.getIdentifier()).orElseThrow();
        assertThat(entry.customerId()).isEqualTo(story.customer);
        assertThat(entry.caseId()).isEqualTo("tp-complaint-k");
        assertThat(entry.summary()).isEqualTo("Contact (APOLOGISE): 向顾客道歉 apologised on the phone");
        assertThat(entry.staffId()).isEqualTo(CaseStories.RESPONDER);
        assertThat(entry.position()).isEqualTo(5);
    }

    @Test
    void aDuplicateOrAReplayNeitherRepeatsNorChangesAnEntry() throws IOException {
        Story story = story("tp-twice");
        story.deliver(ReplayStatus.REGULAR);
        List<TimelineEntry> first = entries(story.customer);

        story.deliver(ReplayStatus.REGULAR);
        story.deliver(ReplayStatus.REPLAY);
        // Even a redelivery reporting another position (it cannot) would not change the entry.
        DomainEventMessage<?> one = story.messages.get(0);
        projection.on((CustomerEvent) one.getPayload(), one.getIdentifier(), new GlobalSequenceTrackingToken(999_999),
                ReplayStatus.REGULAR);

        assertThat(entries(story.customer)).containsExactlyInAnyOrderElementsOf(first).hasSize(story.messages.size());
    }

    @Test
    void thePositionIsTheEventsPlaceInTheGlobalStreamAlsoInsideAReplayToken() throws IOException {
        CustomerTagged tagged = new CustomerTagged(CustomerId.of("tp-position"), "vip", CustomerStories.CLERK,
                CustomerStories.T0);
        TrackingToken replay = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(500),
                new GlobalSequenceTrackingToken(42));

        projection.on(tagged, "tp-position-entry", replay, ReplayStatus.REPLAY);

        assertThat(index.get(index.readAlias(), "tp-position-entry")).hasValueSatisfying(entry -> {
            assertThat(entry.position()).isEqualTo(42);
            assertThat(entry.eventType()).isEqualTo("customer.tagged");
            assertThat(entry.staffId()).isEqualTo(CustomerStories.CLERK);
            assertThat(entry.occurredAt()).isEqualTo(CustomerStories.T0);
        });
    }

    @Test
    void subscribersGetTheirCustomersLiveEntriesOnceAndNoReplayedOnes() throws IOException {
        Story watched = story("tp-watched");
        Story other = story("tp-other");
        List<TimelineEntry> updates = subscribe(watched.customer);
        List<DomainEventMessage<?>> replayed = watched.messages.subList(0, 10);
        List<DomainEventMessage<?>> live = watched.messages.subList(10, watched.messages.size());

        watched.deliver(replayed, ReplayStatus.REPLAY);
        watched.deliver(live, ReplayStatus.REGULAR);
        watched.deliver(live, ReplayStatus.REGULAR);
        other.deliver(ReplayStatus.REGULAR);

        assertThat(updates).containsExactlyElementsOf(watched.expected().subList(10, watched.messages.size()));
        assertThat(entries(watched.customer)).hasSize(watched.messages.size());
    }

    @Test
    void aWatchedCustomersEntryIsSearchableWhenTheUpdateArrives() throws IOException {
        Story story = story("tp-visible");
        List<TimelineEntry> updates = new CopyOnWriteArrayList<>();
        List<Long> foundWhenEmitted = new CopyOnWriteArrayList<>();
        subscription(story.customer).getUpdates().subscribe(update -> {
            updates.add((TimelineEntry) update.getPayload());
            try {
                foundWhenEmitted.add(queries.handle(timeline(story.customer)).totalCount());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });

        story.deliver(story.messages.subList(0, 3), ReplayStatus.REGULAR);

        assertThat(updates).hasSize(3);
        assertThat(foundWhenEmitted).containsExactly(1L, 2L, 3L);
    }

    private List<TimelineEntry> subscribe(CustomerId customer) {
        List<TimelineEntry> updates = new CopyOnWriteArrayList<>();
        subscription(customer).getUpdates().subscribe(update -> updates.add((TimelineEntry) update.getPayload()));
        return updates;
    }

    private UpdateHandlerRegistration<Object> subscription(CustomerId customer) {
        UpdateHandlerRegistration<Object> registration = emitter.registerUpdateHandler(
                new GenericSubscriptionQueryMessage<>(new WatchCustomerTimeline(customer),
                        ResponseTypes.multipleInstancesOf(TimelineEntry.class),
                        ResponseTypes.instanceOf(TimelineEntry.class)), 1024);
        subscriptions.add(registration);
        return registration;
    }

    private List<TimelineEntry> entries(CustomerId customer) throws IOException {
        index.refresh();
        return queries.handle(timeline(customer)).hits().stream().map(hit -> hit.entry()).collect(Collectors.toList());
    }

    private static GetCustomerTimeline timeline(CustomerId customer) {
        return new GetCustomerTimeline(customer, null, null, null, null, GetCustomerTimeline.MAX_PAGE_SIZE, null);
    }

    private static List<String> everyEventName() {
        return Stream.of(CustomerEvent.class, ComplaintEvent.class, CareTaskEvent.class, RefundEvent.class,
                        RepairEvent.class)
                .flatMap(sealed -> Arrays.stream(sealed.getPermittedSubclasses()))
                .map(type -> type.getAnnotation(EventName.class).value())
                .collect(Collectors.toList());
    }

    /** Everything about one customer: the file, a complaint, a follow-up call and a skipped greeting. */
    private Story story(String customerId) {
        CustomerId customer = CustomerId.of(customerId);
        Instant t0 = CustomerStories.T0;
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        List<CustomerEvent> file = new ArrayList<>(CustomerStories.lifecycle(customerId, t0));
        // Last, so the erasure's own entry is in the story; the events here are stored in clear (nothing seals them
        // in this module), so its corrections change nothing: the service's erasure test sees them work.
        file.add(new CustomerPersonalDataErased(customer, "request DSR-42", StaffId.of("admin"),
                t0.plus(Duration.ofDays(9))));
        messages.addAll(CustomerStories.messages(file));
        messages.addAll(CaseStories.messages(CaseStories.lifecycle(customerId + "-k", customer,
                t0.plus(Duration.ofDays(2)))));
        List<CareTaskEvent> care = new ArrayList<>(CareStories.followUp(customerId + "-t", customerId,
                t0.plus(Duration.ofDays(3))));
        messages.addAll(CareStories.messages(care));
        messages.addAll(CareStories.messages(List.of(CareStories.skipped(customerId + "-s", customerId,
                CareTaskKind.BIRTHDAY_MESSAGE, t0.plus(Duration.ofDays(4))))));
        messages.addAll(RefundStories.messages(RefundStories.breached(customerId + "-r", customer,
                t0.plus(Duration.ofDays(5)))));
        messages.addAll(RefundStories.messages(RefundStories.rejected(customerId + "-r2", customer,
                t0.plus(Duration.ofDays(6)))));
        messages.addAll(RepairStories.messages(RepairStories.free(customerId + "-p", customer,
                t0.plus(Duration.ofDays(7)))));
        messages.addAll(RepairStories.messages(RepairStories.unrepairable(customerId + "-p2", customer,
                t0.plus(Duration.ofDays(8)))));
        Map<String, Long> positions = messages.stream()
                .collect(Collectors.toMap(DomainEventMessage::getIdentifier, message -> nextPosition++));
        return new Story(customer, messages, positions);
    }

    private final class Story {
        private final CustomerId customer;
        private final List<DomainEventMessage<?>> messages;
        private final Map<String, Long> positions;

        private Story(CustomerId customer, List<DomainEventMessage<?>> messages, Map<String, Long> positions) {
            this.customer = customer;
            this.messages = messages;
            this.positions = positions;
        }

        void deliver(ReplayStatus status) throws IOException {
            deliver(messages, status);
        }

        /** As a streaming processor hands them over: identifier, tracking token, replay status. */
        void deliver(List<DomainEventMessage<?>> delivery, ReplayStatus status) throws IOException {
            for (DomainEventMessage<?> message : delivery) {
                TrackingToken token = new GlobalSequenceTrackingToken(positions.get(message.getIdentifier()));
                Object event = message.getPayload();
                if (event instanceof CustomerPersonalDataErased erased) {
                    projection.on(erased, message.getIdentifier(), token, status);
                } else if (event instanceof CustomerEvent customerEvent) {
                    projection.on(customerEvent, message.getIdentifier(), token, status);
                } else if (event instanceof ComplaintEvent complaintEvent) {
                    projection.on(complaintEvent, message.getIdentifier(), token, status);
                } else if (event instanceof RefundEvent refundEvent) {
                    projection.on(refundEvent, message.getIdentifier(), token, status);
                } else if (event instanceof RepairEvent repairEvent) {
                    projection.on(repairEvent, message.getIdentifier(), token, status);
                } else {
                    projection.on((CareTaskEvent) event, message.getIdentifier(), token, status);
                }
            }
        }

        List<TimelineEntry> expected() {
            return messages.stream().map(message -> {
                Object event = message.getPayload();
                return TimelineProjection.entry(event, customer, by(event), occurredAt(event), message.getIdentifier(),
                        positions.get(message.getIdentifier()));
            }).collect(Collectors.toList());
        }
    }

    private static StaffId by(Object event) {
        if (event instanceof CustomerEvent customerEvent) {
            return customerEvent.by();
        }
        return event instanceof CaseEvent caseEvent ? caseEvent.by() : ((CareTaskEvent) event).by();
    }

    private static Instant occurredAt(Object event) {
        if (event instanceof CustomerEvent customerEvent) {
            return customerEvent.occurredAt();
        }
        return event instanceof CaseEvent caseEvent ? caseEvent.occurredAt() : ((CareTaskEvent) event).occurredAt();
    }
}
