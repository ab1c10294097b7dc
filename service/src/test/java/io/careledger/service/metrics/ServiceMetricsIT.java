package io.careledger.service.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.careledger.query.metrics.MetricFact;
import io.careledger.query.metrics.MetricsIndex;
import io.careledger.service.support.DemoData;
import io.careledger.service.support.ServiceTest;
import io.careledger.service.support.Staff;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The service metrics end to end: a generated dataset through the real command path, read back through
 * GraphQL by the roles allowed to, refused to the others and for bad input; the same seed gives the same
 * figures; a rebuild of the metrics projection gives the very same facts and figures.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceMetricsIT {
    private static final String FROM = "2026-06-30T16:00:00Z";
    private static final String TO = "2026-09-30T16:00:00Z";
    private static final String METRICS = """
            query($from: DateTime!, $to: DateTime!, $granularity: Granularity!, $storeId: ID, $regionId: ID,
                  $channel: Channel, $category: ComplaintCategory) {
              serviceMetrics(from: $from, to: $to, granularity: $granularity, storeId: $storeId, regionId: $regionId,
                             channel: $channel, category: $category) {
                period periodStart definitionVersion complaintsFiled avgFirstResponseMinutes p90FirstResponseMinutes
                firstResponses firstContactResolutionRate complaintsResolved avgHandlingHours slaBreachRate slaBreaches
                slaBreachRateByLevel { level complaints breached rate } csatAverage csatCount nps npsCount refundsCount
                refundsAmount { amount currency } autoApprovalRate avgRefundHours repairsCount freeRepairShare
                topCategories { category count share flagged } flaggedCategories { category count share flagged }
                repeatPurchaseRate repeatPurchases
              }
            }""";
    private static final String STAFF = """
            query($from: DateTime!, $to: DateTime!, $storeId: ID) {
              staffPerformance(from: $from, to: $to, storeId: $storeId) {
                staffId complaintsOwned avgFirstResponseMinutes firstContactResolutionRate followUpsAssigned
                followUpsCompleted followUpCompletionRate followUpsDone csatAverage csatCount
              }
            }""";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    MetricsIndex metricsIndex;
    @Autowired
    ElasticsearchClient elasticsearch;

    private Staff staff;
    private DemoData.Dataset first;
    private DemoData.Dataset second;

    @BeforeAll
    void generateTheSameSeedTwice() {
        staff = new Staff(port);
        first = DemoData.generate(context, 40, 7, 3);
        second = DemoData.generate(context, 40, 7, 3);
    }

    @Test
    void theGeneratedDatasetIsRealisticAndTheSameSeedGivesTheSameFigures() {
        {
            var summary = first.summary();
            assertThat(summary.customers()).isEqualTo(40);
            assertThat(summary.purchases()).isGreaterThan(100);
            assertThat(summary.complaints()).isGreaterThan(15);
            assertThat(summary.refunds()).isPositive();
            assertThat(summary.surveys()).isPositive();
            assertThat(summary.followUps()).isPositive();
            assertThat(second.summary()).isEqualTo(summary);
        }
        for (String granularity : List.of("DAY", "WEEK", "MONTH")) {
            for (int store = 0; store < 3; store++) {
                assertThat(metrics(staff.analyst(), granularity, first.stores().get(store)))
                        .as(granularity + " of store " + store)
                        .isEqualTo(metrics(staff.analyst(), granularity, second.stores().get(store)));
            }
        }
        List<Map> months = metrics(staff.supervisor(), "MONTH", first.stores().get(0));
        assertThat(months).extracting(m -> m.get("period")).containsExactly("2026-07-01", "2026-08-01", "2026-09-01");
        long filed = months.stream().mapToLong(m -> ((Number) m.get("complaintsFiled")).longValue()).sum();
        assertThat(filed).isPositive();
        assertThat(months).allSatisfy(month -> assertThat(month.get("definitionVersion")).isEqualTo("metrics-2026.1"));
    }

    @Test
    void staffPerformanceListsTheStoresAgentsWithTheirFollowUps() {
        String store = first.stores().get(0);
        List<Map> lines = staff.supervisor().document(STAFF)
                .variable("from", FROM).variable("to", TO).variable("storeId", store)
                .execute().path("staffPerformance").entityList(Map.class).get();
        assertThat(lines).extracting(line -> line.get("staffId"))
                .isNotEmpty().allSatisfy(id -> assertThat((String) id).startsWith(store + "-agent-"));
        assertThat(lines).anySatisfy(line -> {
            assertThat(((Number) line.get("complaintsOwned")).intValue()).isPositive();
            assertThat(((Number) line.get("followUpsAssigned")).intValue()).isPositive();
            assertThat((Double) line.get("followUpCompletionRate")).isBetween(0.0, 1.0);
        });
    }

    @Test
    void agentsAndAuditorsMayNotReadTheMetrics() {
        for (HttpGraphQlTester refused : List.of(staff.agent(), staff.auditor(), staff.admin())) {
            refused.document(METRICS).variable("from", FROM).variable("to", TO).variable("granularity", "MONTH")
                    .execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                            .satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("FORBIDDEN")));
            refused.document(STAFF).variable("from", FROM).variable("to", TO)
                    .execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                            .satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        }
    }

    @Test
    void badRangesAndUnknownRegionsAreTypedErrors() {
        assertBadRequest(staff.analyst().document(METRICS).variable("from", TO).variable("to", FROM)
                .variable("granularity", "DAY"), "to");
        assertBadRequest(staff.analyst().document(METRICS).variable("from", "2020-01-01T00:00:00Z").variable("to", TO)
                .variable("granularity", "DAY"), "to");
        assertBadRequest(staff.analyst().document(METRICS).variable("from", FROM).variable("to", TO)
                .variable("granularity", "WEEK").variable("regionId", "atlantis"), "regionId");
        assertBadRequest(staff.analyst().document(STAFF).variable("from", "2000-01-01T00:00:00Z").variable("to", TO),
                "to");
        staff.analyst().document(METRICS).variable("from", FROM).variable("to", TO).variable("granularity", "YEAR")
                .execute().errors().satisfy(errors -> assertThat(errors).isNotEmpty()
                        .allSatisfy(error -> assertThat(error.getMessage()).doesNotContain("Exception")));
    }

    private static void assertBadRequest(GraphQlTester.Request<?> request, String argument) {
        request.execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
            assertThat(error.getExtensions()).containsEntry("argument", argument);
        }));
    }

    @Test
    void aRegionNarrowsToItsConfiguredStores() {
        List<Map> outside = staff.analyst().document(METRICS).variable("from", FROM).variable("to", TO)
                .variable("granularity", "MONTH").variable("regionId", "it-west")
                .variable("storeId", first.stores().get(0))
                .execute().path("serviceMetrics").entityList(Map.class).get();
        assertThat(outside).hasSize(3).allSatisfy(m -> assertThat(m.get("complaintsFiled")).isEqualTo(0));
    }

    @Test
    void aRebuiltMetricsProjectionEqualsTheLiveOneFieldByField() throws IOException {
        List<List<Map>> before = new ArrayList<>();
        for (String store : first.stores()) {
            before.add(metrics(staff.analyst(), "WEEK", store));
        }
        String liveIndex = metricsIndex.readIndex();
        List<MetricFact> live = facts(liveIndex, first.prefix());
        assertThat(live).hasSizeGreaterThan(100);

        HttpGraphQlTester admin = staff.admin();
        Map<String, Object> started = admin.document("mutation { rebuildProjection(projection: METRICS) { phase index } }")
                .execute().path("rebuildProjection").entity(Map.class).get();
        await().atMost(Duration.ofSeconds(180)).untilAsserted(() -> assertThat(admin
                        .document("{ projectionRebuild(projection: METRICS) { phase index percent } }")
                        .execute().path("projectionRebuild").entity(Map.class).get())
                .containsEntry("phase", "COMPLETED").containsEntry("index", started.get("index")));

        String rebuiltIndex = metricsIndex.readIndex();
        assertThat(rebuiltIndex).isEqualTo(started.get("index")).isNotEqualTo(liveIndex);
        assertThat(facts(rebuiltIndex, first.prefix())).isEqualTo(live);
        for (int i = 0; i < first.stores().size(); i++) {
            assertThat(metrics(staff.analyst(), "WEEK", first.stores().get(i))).isEqualTo(before.get(i));
        }
    }

    /** Every fact of the dataset's customers, by id. */
    private List<MetricFact> facts(String index, String prefix) throws IOException {
        elasticsearch.indices().refresh(refresh -> refresh.index(index));
        return elasticsearch.search(search -> search.index(index).size(10_000)
                        .query(q -> q.prefix(p -> p.field("customerId").value(prefix + "-")))
                        .sort(sort -> sort.field(f -> f.field("id"))), MetricFact.class)
                .hits().hits().stream().map(hit -> hit.source()).toList();
    }

    private List<Map> metrics(HttpGraphQlTester client, String granularity, String store) {
        return client.document(METRICS).variable("from", FROM).variable("to", TO).variable("granularity", granularity)
                .variable("storeId", store)
                .execute().path("serviceMetrics").entityList(Map.class).get();
    }
}
