package io.careledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.careledger.api.care.CareTaskEvent;
import io.careledger.api.care.CareTaskId;
import io.careledger.api.care.CareTaskPage;
import io.careledger.api.care.CareTaskStatus;
import io.careledger.api.care.CareTaskView;
import io.careledger.api.care.FindCareTask;
import io.careledger.api.care.SearchCareTasks;
import io.careledger.api.cases.CasePage;
import io.careledger.api.cases.CaseSnapshot;
import io.careledger.api.cases.GetCaseAsOf;
import io.careledger.api.cases.GetCaseHistory;
import io.careledger.api.cases.RecordedEvent;
import io.careledger.api.cases.SearchCases;
import io.careledger.api.common.Channel;
import io.careledger.api.common.Money;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.complaint.ComplaintAcknowledged;
import io.careledger.api.complaint.ComplaintCategory;
import io.careledger.api.complaint.ComplaintFiled;
import io.careledger.api.complaint.ComplaintId;
import io.careledger.api.complaint.ComplaintStatus;
import io.careledger.api.complaint.ComplaintView;
import io.careledger.api.complaint.Department;
import io.careledger.api.complaint.FindComplaint;
import io.careledger.api.complaint.Severity;
import io.careledger.api.customer.CustomerActivity;
import io.careledger.api.customer.CustomerEvent;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.CustomerPage;
import io.careledger.api.customer.CustomerView;
import io.careledger.api.customer.FindCustomer;
import io.careledger.api.customer.FindCustomerActivity;
import io.careledger.api.customer.FindTopAnnualSpender;
import io.careledger.api.customer.SearchCustomers;
import io.careledger.api.customer.TopSpender;
import io.careledger.api.timeline.GetCustomerTimeline;
import io.careledger.api.timeline.TimelineEntry;
import io.careledger.api.timeline.TimelineEntryType;
import io.careledger.api.timeline.TimelinePage;
import io.careledger.api.timeline.WatchCustomerTimeline;
import io.careledger.query.care.CareStories;
import io.careledger.query.care.CareTaskIndex;
import io.careledger.query.cases.CaseIndex;
import io.careledger.query.customer.CustomerIndex;
import io.careledger.query.customer.CustomerStories;
import io.careledger.query.elasticsearch.ManagedElasticsearch;
import io.careledger.query.elasticsearch.TestElasticsearch;
import io.careledger.query.projection.ProjectionName;
import io.careledger.query.projection.ProjectionRebuilder;
import io.careledger.query.projection.RebuildProgress;
import io.careledger.query.timeline.TimelineIndex;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import io.careledger.query.cases.ReadablePayloads;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The query side wired the way the service wires it: component scanning, Axon's Spring Boot
 * auto-configuration (its default tracking processor, its {@code eventSerializer}) and an external cluster
 * given by URL. Queries go through Axon's query gateway, as the GraphQL controllers send them.
 */
@SpringBootTest(classes = QuerySideSpringIT.Application.class, properties = {
        "axon.axonserver.enabled=false",
        "axon.serializer.general=jackson3",
        "axon.serializer.events=jackson3",
        "axon.serializer.messages=jackson3"})
class QuerySideSpringIT {
    private static final Instant FILED_AT = Instant.parse("2026-05-04T09:30:00Z");

    @Autowired
    private EventStore eventStore;
    @Autowired
    private QueryGateway queries;
    @Autowired
    private ProjectionRebuilder rebuilder;
    @Autowired
    private CaseIndex caseIndex;
    @Autowired
    private ApplicationContext context;

    @DynamicPropertySource
    static void externalCluster(DynamicPropertyRegistry properties) {
        properties.add("careledger.elasticsearch.url", () -> TestElasticsearch.url().toString());
    }

    @Test
    void eventsAreProjectedAndEveryCaseQueryIsAnsweredThroughAxon() throws Exception {
        ComplaintId id = ComplaintId.of("spring-1");
        eventStore.publish(List.of(
                stored(0, new ComplaintFiled(id, CustomerId.of("customer-1"), Channel.APP,
                        ComplaintCategory.FRESH_SPOILAGE, "蛋糕发霉了", StoreId.of("store-1"), null, null,
                        Severity.LEVEL_2, Department.STORE_OPERATIONS, FILED_AT.plus(Duration.ofHours(4)), "s-1",
                        "r-1", StaffId.of("clerk-1"), FILED_AT)),
                stored(1, new ComplaintAcknowledged(id, true, StaffId.of("staff-7"),
                        FILED_AT.plus(Duration.ofMinutes(20))))));

        ComplaintView projected = await(() -> queries.query(new FindComplaint(id),
                ResponseTypes.optionalInstanceOf(ComplaintView.class)).get().filter(view -> view.version() == 1));
        assertThat(projected.status()).isEqualTo(ComplaintStatus.ACKNOWLEDGED);

        // Search sees a write after the next refresh, a get at once: wait until search shows the second event too.
        CasePage found = await(() -> Optional.of(queries.query(
                new SearchCases("发霉", null, null, null, null, null, null, null, null, null, null, null, 10, null),
                CasePage.class).get()).filter(page -> page.totalCount() == 1
                && page.hits().get(0).caseView().version() == 1));
        assertThat(found.hits().get(0).caseView()).isEqualTo(projected);

        List<RecordedEvent> history = queries.query(new GetCaseHistory("spring-1"),
                ResponseTypes.multipleInstancesOf(RecordedEvent.class)).get();
        assertThat(history).extracting(RecordedEvent::type)
                .containsExactly(ComplaintFiled.class.getName(), ComplaintAcknowledged.class.getName());
        assertThat(history.get(1).payload()).contains("\"by\":\"staff-7\"");

        Optional<CaseSnapshot> asFiled = queries.query(new GetCaseAsOf("spring-1", FILED_AT),
                ResponseTypes.optionalInstanceOf(CaseSnapshot.class)).get();
        assertThat(asFiled).hasValueSatisfying(snapshot -> {
            assertThat(snapshot.eventCount()).isEqualTo(1);
            assertThat(((ComplaintView) snapshot.caseView()).status()).isEqualTo(ComplaintStatus.FILED);
        });

        RebuildProgress rebuilt = rebuilder.start(ProjectionName.CASES).get(60, TimeUnit.SECONDS);
        assertThat(rebuilt.phase()).isEqualTo(RebuildProgress.Phase.COMPLETED);
        assertThat(caseIndex.readIndex()).isEqualTo(CaseIndex.DEFAULT_NAME + "-000002");
        assertThat(queries.query(new FindComplaint(id), ResponseTypes.optionalInstanceOf(ComplaintView.class)).get())
                .contains(projected);
    }

    @Test
    void customersTimelineAndCareTasksAreProjectedAndAnsweredThroughAxon() throws Exception {
        CustomerId customer = CustomerId.of("spring-customer");
        SubscriptionQueryResult<List<TimelineEntry>, TimelineEntry> watch = queries.subscriptionQuery(
                new WatchCustomerTimeline(customer), ResponseTypes.multipleInstancesOf(TimelineEntry.class),
                ResponseTypes.instanceOf(TimelineEntry.class));
        List<TimelineEntry> live = new CopyOnWriteArrayList<>();
        watch.updates().subscribe(live::add);
        assertThat(watch.initialResult().block(Duration.ofSeconds(10))).isEmpty();
        List<CustomerEvent> file = CustomerStories.lifecycle(customer.value(), FILED_AT);
        eventStore.publish(CustomerStories.messages(file));
        List<CareTaskEvent> call = CareStories.followUp("spring-task", customer.value(), FILED_AT);
        eventStore.publish(CareStories.messages(call));

        Optional<CustomerView> replayed = queries.query(new FindCustomer(customer),
                ResponseTypes.optionalInstanceOf(CustomerView.class)).get();
        assertThat(replayed).contains(CustomerStories.fold(file));
        assertThat(queries.query(new FindCareTask(CareTaskId.of("spring-task")),
                ResponseTypes.optionalInstanceOf(CareTaskView.class)).get()).contains(CareStories.fold(call));

        CustomerPage customers = await(() -> Optional.of(queries.query(new SearchCustomers("李娜", null, null, 10, null),
                CustomerPage.class).get()).filter(page -> page.totalCount() == 1
                && page.hits().get(0).customer().version() == file.size() - 1));
        assertThat(customers.hits().get(0).customer().name()).isEqualTo("李娜 Li Na");
        TimelinePage timeline = await(() -> Optional.of(queries.query(new GetCustomerTimeline(customer, null, null, null,
                null, 100, null), TimelinePage.class).get()).filter(page -> page.totalCount() == file.size() + call.size()));
        assertThat(timeline.hits().get(0).entry().type()).isEqualTo(TimelineEntryType.CARE_TASK);
        await(() -> Optional.of(live).filter(updates -> updates.size() == file.size() + call.size()));
        assertThat(live).extracting(TimelineEntry::entryId).containsExactlyInAnyOrderElementsOf(
                timeline.hits().stream().map(hit -> hit.entry().entryId()).toList());
        CareTaskPage tasks = await(() -> Optional.of(queries.query(new SearchCareTasks(null, CareTaskStatus.DONE, null,
                customer, 10, null), CareTaskPage.class).get()).filter(page -> page.totalCount() == 1));
        assertThat(tasks.hits().get(0).task()).isEqualTo(CareStories.fold(call));
        assertThat(queries.query(new FindCustomerActivity(customer),
                ResponseTypes.optionalInstanceOf(CustomerActivity.class)).get())
                .contains(new CustomerActivity(customer, 0, CareStories.fold(call).completedAt()));
        assertThat(queries.query(new FindTopAnnualSpender(2025, Set.of(CustomerStories.STORE)),
                ResponseTypes.optionalInstanceOf(TopSpender.class)).get())
                .contains(new TopSpender(customer, Money.of("599.00", "CNY")));
        watch.cancel();

        assertThat(rebuilder.projections()).containsExactlyInAnyOrder(ProjectionName.values());
        for (ProjectionName name : List.of(ProjectionName.CUSTOMERS, ProjectionName.TIMELINE, ProjectionName.CARE_TASKS)) {
            assertThat(rebuilder.start(name).get(60, TimeUnit.SECONDS).phase()).as(name.name())
                    .isEqualTo(RebuildProgress.Phase.COMPLETED);
        }
        assertThat(context.getBean(CustomerIndex.class).readIndex()).isEqualTo(CustomerIndex.DEFAULT_NAME + "-000002");
        assertThat(context.getBean(TimelineIndex.class).readIndex()).isEqualTo(TimelineIndex.DEFAULT_NAME + "-000002");
        assertThat(context.getBean(CareTaskIndex.class).readIndex()).isEqualTo(CareTaskIndex.DEFAULT_NAME + "-000002");
        assertThat(queries.query(new GetCustomerTimeline(customer, null, null, null, null, 100, null),
                TimelinePage.class).get()).isEqualTo(timeline);
    }

    @Test
    void withAClusterUrlNothingIsStartedLocally() {
        assertThat(context.getBeansOfType(ManagedElasticsearch.class)).isEmpty();
        assertThat(context.getBean(ElasticsearchClient.class)).isNotNull();
    }

    private static GenericDomainEventMessage<Object> stored(long sequence, Object event) {
        return new GenericDomainEventMessage<>("Complaint", "spring-1", sequence, event,
                MetaData.with("actor", "someone"));
    }

    private static <T> T await(Attempt<T> attempt) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            Optional<T> result = attempt.get();
            if (result.isPresent()) {
                return result.get();
            }
            assertThat(System.nanoTime()).as("waited 30 s for the projection").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private interface Attempt<T> {
        Optional<T> get() throws Exception;
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @ComponentScan("io.careledger.query")
    static class Application {
        @Bean
        EventStorageEngine storageEngine() {
            return new InMemoryEventStorageEngine();
        }

        /** Nothing here seals personal fields, so the event serializer's JSON is readable as it is. */
        @Bean
        ReadablePayloads readablePayloads(@Qualifier("eventSerializer") Serializer eventSerializer) {
            return payload -> eventSerializer.serialize(payload, String.class).getData();
        }
    }
}
