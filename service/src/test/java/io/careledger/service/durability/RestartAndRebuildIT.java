package io.careledger.service.durability;

import static io.careledger.service.support.Cases.COMPLAINT_FIELDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.careledger.service.CareLedgerApplication;
import io.careledger.service.support.Cases;
import io.careledger.service.support.MutableClock;
import io.careledger.service.support.Staff;
import io.careledger.service.support.TestClockConfiguration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The embedded default as a user runs it: the service stops (taking its managed Elasticsearch with it) and
 * starts again on the same data directory. Events, tokens, deadlines and the search index are all still
 * there; a deadline set before the restart fires after it; a request id answered before it is still answered;
 * work goes on where it stopped; a full rebuild of
 * the projection yields the very same documents.
 */
class RestartAndRebuildIT {
    private final Path dataDir = Path.of("target", "it-data", "restart-" + UUID.randomUUID()).toAbsolutePath();

    @Test
    void everythingSurvivesARestartAndARebuildChangesNothing() {
        String store = Cases.newStore();
        String complaint;
        String unanswered;
        Map<String, Object> beforeRestart;
        List<Map> historyBeforeRestart;
        try (ConfigurableApplicationContext first = start()) {
            Staff staff = staff(first);
            HttpGraphQlTester agent = staff.agent();
            String customer = Cases.registerCustomer(agent, store);
            complaint = Cases.fileComplaint(agent, customer, store, "PRODUCT_QUALITY", "羊毛大衣起球严重 pilling wool coat");
            unanswered = Cases.fileComplaint(agent, customer, store, "PRICE_DISPUTE", "促销价未生效");
            Cases.step(agent, "acknowledgeComplaint", complaint, Map.of());
            Cases.step(agent, "logComplaintContact", complaint, Map.of("kind", "LISTEN", "summary", "顾客描述了起球位置",
                    "requestId", "contact-" + store));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(readModel(agent, complaint)).containsEntry("version", 2));
            beforeRestart = readModel(agent, complaint);
            historyBeforeRestart = Cases.history(staff.auditor(), complaint);
        }

        try (ConfigurableApplicationContext second = start()) {
            Staff staff = staff(second);
            HttpGraphQlTester agent = staff.agent();
            assertThat(readModel(agent, complaint)).isEqualTo(beforeRestart);
            assertThat(Cases.history(staff.auditor(), complaint)).isEqualTo(historyBeforeRestart);
            // A request id claimed before the restart still stands for its first result: the retry appends nothing.
            Cases.step(agent, "logComplaintContact", complaint, Map.of("kind", "LISTEN", "summary", "顾客描述了起球位置",
                    "requestId", "contact-" + store));
            assertThat(Cases.history(staff.auditor(), complaint)).isEqualTo(historyBeforeRestart);
            assertThat(searchByText(agent, store, "起球")).containsExactly(complaint);

            // The first-response deadline scheduled before the restart still fires after it.
            second.getBean(MutableClock.class).advance(Duration.ofMinutes(61));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Cases.history(staff.auditor(), unanswered))
                    .extracting(e -> e.get("type"))
                    .containsExactly("complaint.filed", "complaint.deadline-missed", "complaint.escalated"));

            // Work continues, and the projection picks up from its stored token with no duplicates.
            Cases.step(agent, "proposeResolution", complaint, Map.of("resolution", "送修并免费干洗"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(readModel(agent, complaint)).containsEntry("version", 3)
                                                          .containsEntry("status", "RESOLUTION_PROPOSED"));
            Map<String, Object> live = readModel(agent, complaint);

            HttpGraphQlTester admin = staff.admin();
            Map<String, Object> started = admin.document("mutation { rebuildCaseProjection { phase index } }")
                                               .execute().path("rebuildCaseProjection").entity(Map.class).get();
            assertThat((String) started.get("index")).isNotBlank();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(rebuild(admin))
                    .containsEntry("phase", "COMPLETED")
                    .containsEntry("index", started.get("index"))
                    .containsEntry("percent", 100));
            assertThat(readModel(agent, complaint)).isEqualTo(live);
            assertThat(searchByText(agent, store, "pilling")).containsExactly(complaint);
        }
    }

    private ConfigurableApplicationContext start() {
        // As arguments, not default properties: application.yml's own values outrank defaults, which put both runs in ./data.
        return new SpringApplicationBuilder(CareLedgerApplication.class, TestClockConfiguration.class)
                .run("--server.port=0", "--careledger.data-dir=" + dataDir, "--careledger.scheduler.polling-interval=200ms");
    }

    private static Staff staff(ConfigurableApplicationContext context) {
        return new Staff(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }

    private static Map<String, Object> readModel(HttpGraphQlTester agent, String complaint) {
        return agent.document("query($id: ID!) { complaint(id: $id) { " + COMPLAINT_FIELDS + " } }")
                    .variable("id", complaint).execute().path("complaint").hasValue().entity(Map.class).get();
    }

    private static List<String> searchByText(HttpGraphQlTester agent, String store, String text) {
        return agent.document("query($text: String, $store: ID) { searchCases(text: $text, storeId: $store) { "
                        + "edges { node { id } } } }")
                    .variable("text", text).variable("store", store)
                    .execute().path("searchCases.edges[*].node.id").entityList(String.class).get();
    }

    private static Map<String, Object> rebuild(HttpGraphQlTester admin) {
        return admin.document("{ caseProjectionRebuild { phase index processed total percent } }")
                    .execute().path("caseProjectionRebuild").entity(Map.class).get();
    }
}
