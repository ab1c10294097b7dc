package io.careledger.service.complaint;

import static io.careledger.service.support.Cases.COMPLAINT_FIELDS;
import static io.careledger.service.support.Cases.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.careledger.service.support.Cases;
import io.careledger.service.support.Staff;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The complaint case from filing to closing, over GraphQL against the running service, then found again in
 * the real Elasticsearch projection and replayed from the event store the way an auditor would. Run on each
 * storage setup by a subclass that names the service configuration.
 */
abstract class ComplaintLifecycleScenario {
    private static final String MOULDY_CAKE = "顾客昨天购买的生日蛋糕发霉了 — mouldy birthday cake, bought yesterday";

    @LocalServerPort
    int port;
    Staff staff;
    HttpGraphQlTester agent;

    @BeforeEach
    void signIn() {
        staff = new Staff(port);
        agent = staff.agent();
    }

    @Test
    void aComplaintGoesFromFiledToClosedAndIsFoundAndReplayed() {
        String store = Cases.newStore();
        String customer = Cases.registerCustomer(agent, store);
        Map<String, Object> filed = Cases.file(agent, customer, store, "FRESH_SPOILAGE", MOULDY_CAKE);
        String complaint = (String) filed.get("id");
        assertThat(filed).containsEntry("status", "FILED")
                         .containsEntry("severity", "LEVEL_2")
                         .containsEntry("department", "WAREHOUSING_AND_DISTRIBUTION")
                         .containsEntry("filedBy", "agent")
                         .containsEntry("owner", null);
        Instant filedAt = Instant.parse((String) filed.get("openedAt"));
        assertThat(Instant.parse((String) filed.get("responseDueAt"))).isEqualTo(filedAt.plus(Duration.ofHours(4)));

        Map<String, Object> acknowledged = step(agent, "acknowledgeComplaint", complaint, Map.of());
        assertThat(acknowledged).containsEntry("status", "ACKNOWLEDGED").containsEntry("owner", "agent");

        step(agent, "logComplaintContact", complaint, Map.of("kind", "APOLOGISE",
                "summary", "向顾客致歉，并约定48小时内回电 — apologised, call back within 48 h"));
        Map<String, Object> proposed = step(staff.supervisor(), "proposeResolution", complaint, Map.of(
                "resolution", "全额退款并赠送同品类优惠券 — full refund plus a coupon",
                "compensation", List.of(
                        Map.of("kind", "REFUND", "amount", Map.of("amount", "168.00", "currency", "CNY")),
                        Map.of("kind", "COUPON", "amount", Map.of("amount", "20", "currency", "CNY"),
                                "description", "fresh bakery coupon"))));
        assertThat(proposed).containsEntry("status", "RESOLUTION_PROPOSED")
                            .containsEntry("owner", "agent");
        assertThat((List<Map<String, Object>>) proposed.get("compensation"))
                .extracting(c -> c.get("amount"))
                .containsExactly(Map.of("amount", "168.00", "currency", "CNY"), Map.of("amount", "20", "currency", "CNY"));

        Map<String, Object> resolved = step(agent, "acceptResolution", complaint, Map.of("note", "顾客满意"));
        assertThat(resolved).containsEntry("status", "RESOLVED").containsEntry("firstContactResolution", true);
        Map<String, Object> followedUp = step(agent, "recordComplaintFollowUp", complaint,
                Map.of("satisfaction", 5, "comment", "48小时回访：满意"));
        assertThat(followedUp).containsEntry("status", "FOLLOWED_UP").containsEntry("satisfaction", 5);
        Map<String, Object> closed = step(agent, "closeComplaint", complaint, Map.of("reason", "resolved"));
        assertThat(closed).containsEntry("status", "CLOSED").containsEntry("version", 6);

        // The projection catches up, and the case is found by Chinese text, English text and by filters.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(complaint(complaint)).containsEntry("status", "CLOSED"));
        // Search sees what the index has refreshed (once a second), so it is awaited until it shows the closing.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(search("status: CLOSED, severity: LEVEL_2, "
                + "department: WAREHOUSING_AND_DISTRIBUTION, owner: \"agent\", breached: false, storeId: \"" + store
                + "\", from: \"" + filedAt.minusSeconds(60) + "\", to: \"" + filedAt.plusSeconds(3600) + "\""))
                .containsExactly(complaint));
        assertThat(search("text: \"蛋糕发霉\", storeId: \"" + store + "\"")).containsExactly(complaint);
        assertThat(search("text: \"mouldy birthday\", storeId: \"" + store + "\"")).containsExactly(complaint);
        assertThat(search("text: \"回电\", storeId: \"" + store + "\"")).as("contact summaries are searchable")
                                                                       .containsExactly(complaint);
        assertThat(search("text: \"洗衣机漏水\", storeId: \"" + store + "\"")).isEmpty();
        assertThat(search("status: FILED, storeId: \"" + store + "\"")).isEmpty();
        assertThat(search("breached: true, storeId: \"" + store + "\"")).isEmpty();
        assertThat(search("storeId: \"" + store + "\", to: \"" + filedAt.minusSeconds(60) + "\"")).isEmpty();

        // The auditor's view: every event in order, each with its actor and correlation.
        List<Map> history = Cases.history(staff.auditor(), complaint);
        assertThat(history).extracting(e -> e.get("type")).containsExactly("complaint.filed",
                "complaint.acknowledged", "complaint.contact-logged", "complaint.resolution-proposed",
                "complaint.resolved", "complaint.followed-up", "complaint.closed");
        assertThat(history).extracting(e -> e.get("sequence")).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(history).extracting(e -> e.get("actor"))
                           .containsExactly("agent", "agent", "agent", "supervisor", "agent", "agent", "agent");
        assertThat(history).allSatisfy(e -> {
            assertThat((String) e.get("correlationId")).isNotBlank();
            assertThat((String) e.get("causationId")).isNotBlank();
            assertThat((String) e.get("payload")).contains(complaint);
        });
        assertThat((String) history.get(0).get("payload")).contains("蛋糕发霉", "\"severity\":\"LEVEL_2\"");

        // As of a moment between proposing and accepting, the case was still awaiting the customer's answer.
        Instant proposedAt = Instant.parse((String) history.get(3).get("occurredAt"));
        Instant acceptedAt = Instant.parse((String) history.get(4).get("occurredAt"));
        Instant between = proposedAt.plus(Duration.between(proposedAt, acceptedAt).dividedBy(2));
        Map<String, Object> snapshot = staff.auditor().document("""
                        query($id: ID!, $at: DateTime!) { caseAsOf(caseId: $id, at: $at) {
                          at eventCount case { ... on Complaint { status owner resolvedAt version } } } }""")
                .variable("id", complaint).variable("at", between.toString())
                .execute()
                .path("caseAsOf").entity(Map.class).get();
        assertThat(snapshot).containsEntry("eventCount", 4);
        assertThat((Map<String, Object>) snapshot.get("case")).containsEntry("status", "RESOLUTION_PROPOSED")
                                                              .containsEntry("owner", "agent")
                                                              .containsEntry("resolvedAt", null)
                                                              .containsEntry("version", 3);
    }

    @Test
    void healthReportsTheEventStoreAndElasticsearch() {
        Cases.registerCustomer(agent, Cases.newStore());
        staff.anonymous().get().uri("/actuator/health").exchange()
             .expectStatus().isOk()
             .expectBody()
             .jsonPath("$.status").isEqualTo("UP")
             .jsonPath("$.components.eventStore.status").isEqualTo("UP")
             .jsonPath("$.components.eventStore.details.headPosition").value(Integer.class,
                     head -> assertThat(head).isGreaterThanOrEqualTo(0))
             .jsonPath("$.components.elasticsearch.status").isEqualTo("UP");
    }

    private Map<String, Object> complaint(String id) {
        return agent.document("query($id: ID!) { complaint(id: $id) { openedAt " + COMPLAINT_FIELDS + " } }")
                    .variable("id", id)
                    .execute()
                    .path("complaint").hasValue().entity(Map.class).get();
    }

    private List<String> search(String arguments) {
        return agent.document("{ searchCases(" + arguments + ") { totalCount edges { cursor node { id kind } } } }")
                    .execute()
                    .path("searchCases.edges[*].node.id").entityList(String.class).get();
    }
}
