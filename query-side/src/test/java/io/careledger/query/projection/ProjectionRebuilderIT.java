package io.careledger.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.careledger.api.care.CareTaskKind;
import io.careledger.api.customer.CustomerEvent;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.CustomerTagged;
import io.careledger.api.timeline.TimelineEntry;
import io.careledger.api.timeline.WatchCustomerTimeline;
import io.careledger.query.care.CareStories;
import io.careledger.query.care.CareTaskIndex;
import io.careledger.query.care.CareTaskProjection;
import io.careledger.query.cases.CaseStories;
import io.careledger.query.customer.CustomerIndex;
import io.careledger.query.customer.CustomerProjection;
import io.careledger.query.customer.CustomerStories;
import io.careledger.query.elasticsearch.TestElasticsearch;
import io.careledger.query.timeline.ComplaintCustomers;
import io.careledger.query.timeline.TimelineIndex;
import io.careledger.query.timeline.TimelineProjection;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericSubscriptionQueryMessage;
import org.axonframework.queryhandling.UpdateHandlerRegistration;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Each new projection rebuilt through real Axon streaming processors replaying an event store: the rebuilt
 * index holds, document for document, what the live one holds, and queries move over to it.
 */
class ProjectionRebuilderIT {
    private static final ElasticsearchClient client = TestElasticsearch.client();
    private static final List<String> CUSTOMERS = List.of("rb-1", "rb-2", "rb-3", "rb-4");

    private CustomerIndex customers;
    private TimelineIndex timeline;
    private CareTaskIndex careTasks;
    private Configuration axon;
    private ProjectionRebuilder rebuilder;
    private final List<UpdateHandlerRegistration<Object>> subscriptions = new ArrayList<>();
    private int published;

    @AfterEach
    void stop() {
        subscriptions.forEach(subscription -> subscription.getRegistration().cancel());
        rebuilder.close();
        axon.shutdown();
    }

    @Test
    void theCustomerIndexIsRebuiltDocumentForDocument(TestInfo test) throws Exception {
        start(test);
        Map<String, Map<?, ?>> live = project(customers, CUSTOMERS.size());

        RebuildProgress done = rebuilder.start(ProjectionName.CUSTOMERS).get(60, TimeUnit.SECONDS);

        assertRebuilt(customers, done, live);
        assertThat(rebuilder.progress(ProjectionName.TIMELINE).phase()).as("the others are untouched")
                .isEqualTo(RebuildProgress.Phase.IDLE);
    }

    @Test
    void theCareTaskIndexIsRebuiltDocumentForDocument(TestInfo test) throws Exception {
        start(test);
        Map<String, Map<?, ?>> live = project(careTasks, CUSTOMERS.size() * 2);

        RebuildProgress done = rebuilder.start(ProjectionName.CARE_TASKS).get(60, TimeUnit.SECONDS);

        assertRebuilt(careTasks, done, live);
    }

    @Test
    void theTimelineIsRebuiltEntryForEntryWithoutSendingTheReplayToSubscribers(TestInfo test) throws Exception {
        start(test);
        Map<String, Map<?, ?>> live = project(timeline, published);
        List<TimelineEntry> updates = subscribe(CustomerId.of("rb-1"));

        RebuildProgress done = rebuilder.start(ProjectionName.TIMELINE).get(60, TimeUnit.SECONDS);

        assertRebuilt(timeline, done, live);
        assertThat(updates).as("a replay is history, not news").isEmpty();

        publish(List.of(new CustomerTagged(CustomerId.of("rb-1"), "after the rebuild", CustomerStories.CLERK,
                Instant.parse("2026-06-01T00:00:00Z"))), "rb-1", CustomerStories.lifecycle("rb-1", CustomerStories.T0).size());
        await(() -> updates.size() == 1);
        assertThat(updates.get(0).summary()).isEqualTo("Tagged: after the rebuild");
        assertThat(timeline.get(timeline.readIndex(), updates.get(0).entryId())).contains(updates.get(0));
    }

    @Test
    void aProjectionThisServiceDoesNotHaveIsRefused(TestInfo test) throws Exception {
        start(test);
        ProjectionRebuilder casesOnly = new ProjectionRebuilder(List.of(new Projection(ProjectionName.CUSTOMERS,
                CustomerProjection.PROCESSING_GROUP, customers)), axon.eventProcessingConfiguration());
        try {
            assertThatThrownBy(() -> casesOnly.start(ProjectionName.CASES)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("CASES");
            assertThatThrownBy(() -> casesOnly.progress(ProjectionName.TIMELINE))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(casesOnly.projections()).containsExactly(ProjectionName.CUSTOMERS);
        } finally {
            casesOnly.close();
        }
    }

    private void assertRebuilt(IndexFamily index, RebuildProgress done, Map<String, Map<?, ?>> live) throws IOException {
        String rebuilt = index.readIndex();
        assertThat(done.phase()).isEqualTo(RebuildProgress.Phase.COMPLETED);
        assertThat(done.index()).isEqualTo(rebuilt).endsWith("-000002");
        assertThat(done.percent()).isEqualTo(100);
        assertThat(index.writeIndex()).isEqualTo(rebuilt);
        String old = index.readAlias().concat("-000001");
        assertThat(replicaSettings(rebuilt)).as("the replay's settings are undone before the swap")
                .isEqualTo(replicaSettings(old));
        assertThat(documents(index.readAlias())).as("refreshed before the swap").hasSize(live.size());
        index.refresh();
        assertThat(documents(rebuilt)).isEqualTo(live).hasSize(live.size());
        assertThat(documents(index.readAlias().concat("-000001"))).as("the old index stays").isEqualTo(live);
    }

    private void start(TestInfo test) throws IOException {
        String prefix = "it-rb-" + test.getTestMethod().orElseThrow().getName().toLowerCase();
        customers = new CustomerIndex(client, prefix + "-customers");
        timeline = new TimelineIndex(client, prefix + "-timeline");
        careTasks = new CareTaskIndex(client, prefix + "-care");
        for (IndexFamily index : List.of(customers, timeline, careTasks)) {
            index.ensureExists();
        }
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(config -> new InMemoryEventStorageEngine())
                .configureSerializer(config -> Jackson3Serializer.builder().build())
                .eventProcessing(processing -> processing
                        .registerPooledStreamingEventProcessor(CustomerProjection.PROCESSING_GROUP)
                        .registerPooledStreamingEventProcessor(TimelineProjection.PROCESSING_GROUP)
                        .registerPooledStreamingEventProcessor(CareTaskProjection.PROCESSING_GROUP)
                        .assignHandlerTypesMatching(CustomerProjection.PROCESSING_GROUP,
                                type -> type == CustomerProjection.class)
                        .assignHandlerTypesMatching(TimelineProjection.PROCESSING_GROUP,
                                type -> type == TimelineProjection.class)
                        .assignHandlerTypesMatching(CareTaskProjection.PROCESSING_GROUP,
                                type -> type == CareTaskProjection.class)
                        .registerEventHandler(config -> new CustomerProjection(customers, config.eventStore()))
                        .registerEventHandler(config -> new TimelineProjection(timeline,
                                new ComplaintCustomers(config.eventStore()), config.queryUpdateEmitter(), config.eventStore()))
                        .registerEventHandler(config -> new CareTaskProjection(careTasks, config.eventStore())))
                .start();
        rebuilder = new ProjectionRebuilder(List.of(
                new Projection(ProjectionName.CUSTOMERS, CustomerProjection.PROCESSING_GROUP, customers),
                new Projection(ProjectionName.TIMELINE, TimelineProjection.PROCESSING_GROUP, timeline),
                new Projection(ProjectionName.CARE_TASKS, CareTaskProjection.PROCESSING_GROUP, careTasks)),
                axon.eventProcessingConfiguration(), Duration.ofMillis(100));
        publishStories();
    }

    /** Every customer's file; a complaint and a follow-up call for each; a skipped greeting for each. */
    private void publishStories() {
        Instant t0 = CustomerStories.T0;
        for (String customer : CUSTOMERS) {
            publish(CustomerStories.lifecycle(customer, t0), customer, 0);
            axon.eventStore().publish(CaseStories.messages(CaseStories.lifecycle(customer + "-k",
                    CustomerId.of(customer), CaseStories.T0)));
            published += CaseStories.lifecycle(customer + "-k", CaseStories.T0).size();
            axon.eventStore().publish(CareStories.messages(CareStories.followUp(customer + "-t", customer, CareStories.T0)));
            axon.eventStore().publish(CareStories.messages(List.of(CareStories.skipped(customer + "-s", customer,
                    CareTaskKind.BIRTHDAY_MESSAGE, CareStories.T0))));
            published += 4;
        }
    }

    private void publish(List<? extends CustomerEvent> events, String customer, long from) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            messages.add(new GenericDomainEventMessage<>("CustomerAggregate", customer, from + i, events.get(i)));
        }
        axon.eventStore().publish(messages);
        published += events.size();
    }

    /** Waits until the live projection has written all {@code expected} documents, and returns them. */
    private Map<String, Map<?, ?>> project(IndexFamily index, int expected) throws Exception {
        await(() -> {
            index.refresh();
            return documents(index.readAlias()).size() == expected;
        });
        // Let the processors finish the stories' last events (a document may exist at an earlier version).
        Map<String, Map<?, ?>> before;
        Map<String, Map<?, ?>> after = documents(index.readAlias());
        do {
            before = after;
            Thread.sleep(500);
            index.refresh();
            after = documents(index.readAlias());
        } while (!after.equals(before));
        return after;
    }

    private List<TimelineEntry> subscribe(CustomerId customer) {
        UpdateHandlerRegistration<Object> registration = axon.queryUpdateEmitter().registerUpdateHandler(
                new GenericSubscriptionQueryMessage<>(new WatchCustomerTimeline(customer),
                        ResponseTypes.multipleInstancesOf(TimelineEntry.class),
                        ResponseTypes.instanceOf(TimelineEntry.class)), 1024);
        subscriptions.add(registration);
        List<TimelineEntry> updates = new CopyOnWriteArrayList<>();
        registration.getUpdates().subscribe(update -> updates.add((TimelineEntry) update.getPayload()));
        return updates;
    }

    private static List<String> replicaSettings(String index) throws IOException {
        var settings = client.indices().getSettings(get -> get.index(index)).get(index).settings();
        var own = settings.index() == null ? settings : settings.index();
        return java.util.Arrays.asList(own.autoExpandReplicas(), own.numberOfReplicas());
    }

    /** Every document of the index, by id, as stored. */
    private static Map<String, Map<?, ?>> documents(String indexOrAlias) throws IOException {
        Map<String, Map<?, ?>> documents = new HashMap<>();
        for (Hit<Map> hit : client.search(search -> search.index(indexOrAlias).size(1000), Map.class).hits().hits()) {
            documents.put(hit.id(), hit.source());
        }
        return documents;
    }

    private static void await(Check condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.holds()) {
            assertThat(System.nanoTime()).as("waited 30 s for the projection").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private interface Check {
        boolean holds() throws Exception;
    }
}
