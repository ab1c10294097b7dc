package io.careledger.service.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.careledger.service.support.Cases;
import io.careledger.service.support.MutableClock;
import io.careledger.service.support.ServiceTest;
import io.careledger.service.support.Staff;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * A first-response deadline that passes escalates the complaint through the real, durable deadline
 * scheduler: the test moves the service's clock instead of waiting an hour.
 */
@ServiceTest
class AutomaticEscalationIT {
    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;

    @Test
    void anUnansweredComplaintClimbsOneLevelPerMissedDeadline() {
        Staff staff = new Staff(port);
        HttpGraphQlTester agent = staff.agent();
        String store = Cases.newStore();
        String customer = Cases.registerCustomer(agent, store);
        String unanswered = Cases.fileComplaint(agent, customer, store, "PRICE_DISPUTE", "会员价没有生效");
        String answered = Cases.fileComplaint(agent, customer, store, "WRONG_ITEM", "发错了颜色");
        Cases.step(agent, "acknowledgeComplaint", answered, Map.of());

        clock.advance(Duration.ofMinutes(61));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(types(staff, unanswered))
                .containsExactly("complaint.filed", "complaint.deadline-missed", "complaint.escalated"));
        List<Map> history = Cases.history(staff.auditor(), unanswered);
        assertThat(history.subList(1, 3)).allSatisfy(e -> {
            assertThat(e.get("actor")).isEqualTo("system");
            assertThat((String) e.get("payload")).contains("\"FIRST_RESPONSE\"");
        });
        assertThat((String) history.get(2).get("payload")).contains("\"from\":\"LEVEL_1\"", "\"to\":\"LEVEL_2\"",
                "\"automatic\":true");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(search(agent, store)).containsExactly(unanswered));
        Map<String, Object> escalated = agent.document("query($id: ID!) { complaint(id: $id) { severity slaBreached "
                        + "breachedDeadlines escalationCount status } }")
                .variable("id", unanswered).execute().path("complaint").entity(Map.class).get();
        assertThat(escalated).containsEntry("severity", "LEVEL_2").containsEntry("slaBreached", true)
                             .containsEntry("breachedDeadlines", List.of("FIRST_RESPONSE"))
                             .containsEntry("escalationCount", 1).containsEntry("status", "FILED");

        // Level 2 allows four hours; after that it climbs to level 3, the top, where a miss is only recorded.
        clock.advance(Duration.ofHours(4));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(types(staff, unanswered)).hasSize(5));
        clock.advance(Duration.ofHours(24));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(types(staff, unanswered))
                .containsExactly("complaint.filed", "complaint.deadline-missed", "complaint.escalated",
                        "complaint.deadline-missed", "complaint.escalated", "complaint.deadline-missed"));

        assertThat(types(staff, answered)).as("an acknowledged complaint has no deadline left to miss")
                                          .containsExactly("complaint.filed", "complaint.acknowledged");
    }

    private static List<Object> types(Staff staff, String complaint) {
        return Cases.history(staff.auditor(), complaint).stream().map(e -> e.get("type")).toList();
    }

    private static List<String> search(HttpGraphQlTester agent, String store) {
        return agent.document("{ searchCases(breached: true, storeId: \"" + store + "\") { edges { node { id } } } }")
                    .execute().path("searchCases.edges[*].node.id").entityList(String.class).get();
    }
}
