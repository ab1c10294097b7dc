package io.careledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.careledger.api.cases.CasePage;
import io.careledger.api.cases.CaseSnapshot;
import io.careledger.api.cases.GetCaseAsOf;
import io.careledger.api.cases.GetCaseHistory;
import io.careledger.api.cases.RecordedEvent;
import io.careledger.api.cases.SearchCases;
import io.careledger.api.common.Channel;
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
import io.careledger.api.customer.CustomerId;
import io.careledger.query.cases.CaseIndex;
import io.careledger.query.cases.CaseProjectionRebuilder;
import io.careledger.query.cases.RebuildProgress;
import io.careledger.query.elasticsearch.ManagedElasticsearch;
import io.careledger.query.elasticsearch.TestElasticsearch;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
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
    private CaseProjectionRebuilder rebuilder;
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

        CasePage found = await(() -> Optional.of(queries.query(
                new SearchCases("发霉", null, null, null, null, null, null, null, null, null, 10, null),
                CasePage.class).get()).filter(page -> page.totalCount() == 1));
        assertThat(found.hits().get(0).complaint()).isEqualTo(projected);

        List<RecordedEvent> history = queries.query(new GetCaseHistory("spring-1"),
                ResponseTypes.multipleInstancesOf(RecordedEvent.class)).get();
        assertThat(history).extracting(RecordedEvent::type)
                .containsExactly(ComplaintFiled.class.getName(), ComplaintAcknowledged.class.getName());
        assertThat(history.get(1).payload()).contains("\"by\":\"staff-7\"");

        Optional<CaseSnapshot> asFiled = queries.query(new GetCaseAsOf("spring-1", FILED_AT),
                ResponseTypes.optionalInstanceOf(CaseSnapshot.class)).get();
        assertThat(asFiled).hasValueSatisfying(snapshot -> {
            assertThat(snapshot.eventCount()).isEqualTo(1);
            assertThat(snapshot.complaint().status()).isEqualTo(ComplaintStatus.FILED);
        });

        RebuildProgress rebuilt = rebuilder.rebuild().get(60, TimeUnit.SECONDS);
        assertThat(rebuilt.phase()).isEqualTo(RebuildProgress.Phase.COMPLETED);
        assertThat(caseIndex.readIndex()).isEqualTo(CaseIndex.DEFAULT_NAME + "-000002");
        assertThat(queries.query(new FindComplaint(id), ResponseTypes.optionalInstanceOf(ComplaintView.class)).get())
                .contains(projected);
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
    }
}
