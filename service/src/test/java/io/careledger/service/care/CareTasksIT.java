package io.careledger.service.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.careledger.service.support.Cases;
import io.careledger.service.support.Customers;
import io.careledger.service.support.MutableClock;
import io.careledger.service.support.ServiceTest;
import io.careledger.service.support.Staff;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Care tasks end to end, with a controllable clock: due dates, overdue, completion, callbacks, consent. */
@ServiceTest
class CareTasksIT {
    private static final String TASK_FIELDS = "id customerId kind status dueAt assignee storeId channel reason subjectRef "
            + "skipReason outcome notes callbackAt completedBy completedAt createdAt";

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;

    @Test
    void aPurchaseIsFollowedUpAWeekLaterAndAnAgreedCallbackBecomesANewTask() {
        HttpGraphQlTester agent = new Staff(port).agent();
        String store = Cases.newStore();
        String customer = Customers.register(agent, store, "钱多多");
        Instant bought = clock.instant().minusSeconds(60);
        Customers.purchase(agent, customer, "ORD-F-" + store, store, 1, "899.00", bought.toString())
                 .path("recordPurchase.errors").entityList(Object.class).hasSize(0);

        Map<String, Object> followUp = awaitTask(agent, customer, "PURCHASE_FOLLOW_UP", "OPEN");
        assertThat(Instant.parse((String) followUp.get("dueAt"))).isEqualTo(bought.plus(Duration.ofDays(7)));
        assertThat(followUp).containsEntry("storeId", store).containsEntry("subjectRef", "ORD-F-" + store)
                            .containsEntry("assignee", null);

        clock.advance(Duration.ofDays(8));
        awaitTask(agent, customer, "PURCHASE_FOLLOW_UP", "OVERDUE");

        String complete = "mutation($input: CompleteCareTaskInput!) { completeCareTask(input: $input) { careTask { "
                + TASK_FIELDS + " } errors { code field } } }";
        assertThat(refusal(agent.document(complete).variable("input", Map.of("careTaskId", followUp.get("id"),
                "outcome", "CALLBACK_AGREED")).execute())).containsEntry("code", "INVALID_INPUT").containsEntry("field", "callbackAt");

        Instant callbackAt = clock.instant().plus(Duration.ofDays(1));
        Map<String, Object> done = agent.document(complete).variable("input", Map.of("careTaskId", followUp.get("id"),
                        "outcome", "CALLBACK_AGREED", "notes", "问干洗方法，导购明天回电 asks how to dry-clean",
                        "callbackAt", callbackAt.toString()))
                .execute().path("completeCareTask.careTask").entity(Map.class).get();
        assertThat(done).containsEntry("status", "DONE").containsEntry("outcome", "CALLBACK_AGREED")
                        .containsEntry("completedBy", "agent");
        assertThat(refusal(agent.document(complete).variable("input", Map.of("careTaskId", followUp.get("id"),
                "outcome", "REACHED")).execute())).containsEntry("code", "INVALID_TRANSITION");

        Map<String, Object> callback = awaitTask(agent, customer, "CALLBACK", "OPEN");
        assertThat(callback).containsEntry("assignee", "agent");
        assertThat(Instant.parse((String) callback.get("dueAt"))).isEqualTo(callbackAt);
    }

    @Test
    void aResolvedComplaintIsFollowedUpBy48HoursByItsOwner() {
        Staff staff = new Staff(port);
        String store = Cases.newStore();
        String customer = Customers.register(staff.agent(), store, "冯刚");
        String complaint = Cases.fileComplaint(staff.agent(), customer, store, "FRESH_SPOILAGE", "蛋糕发霉 mouldy cake");
        Cases.step(staff.supervisor(), "acknowledgeComplaint", complaint, Map.of());
        Cases.step(staff.agent(), "proposeResolution", complaint, Map.of("resolution", "退款并道歉"));
        Map<String, Object> resolved = Cases.step(staff.agent(), "acceptResolution", complaint, Map.of());

        Map<String, Object> followUp = awaitTask(staff.agent(), customer, "SATISFACTION_FOLLOW_UP", "OPEN");
        assertThat(followUp).containsEntry("assignee", "supervisor").containsEntry("subjectRef", complaint);
        assertThat(Duration.between(Instant.parse((String) resolved.get("resolvedAt")), Instant.parse((String) followUp.get("dueAt"))))
                .isEqualTo(Duration.ofHours(48));
        assertThat(tasks(staff.agent(), "staffId: \"supervisor\", customerId: \"" + customer + "\"")).extracting(t -> t.get("kind"))
                .containsExactly("SATISFACTION_FOLLOW_UP");
    }

    @Test
    void messagesGoOnlyWhereTheCustomerConsentedOnThePreferredChannel() {
        HttpGraphQlTester agent = new Staff(port).agent();
        String store = Cases.newStore();
        String consenting = Customers.register(agent, store, "褚红");
        String noChannel = Cases.registerCustomer(agent, store);
        String withdrawn = Customers.register(agent, store, "卫东");
        Customers.step(agent, "withdrawConsent", "ConsentInput", withdrawn, Map.of("purpose", "MARKETING_SMS"));

        for (String newcomer : List.of(noChannel, withdrawn)) {
            Customers.step(agent, "recordReferral", "RecordReferralInput", newcomer, Map.of("referredBy", consenting));
        }

        Map<String, Object> thanks = awaitTask(agent, consenting, "THANK_YOU_MESSAGE", "OPEN");
        assertThat(thanks).containsEntry("channel", "SMS");
        assertThat(Instant.parse((String) thanks.get("dueAt"))).as("the same day").isBefore(clock.instant().plus(Duration.ofDays(1)));
        assertThat(awaitTask(agent, noChannel, "THANK_YOU_MESSAGE", "SKIPPED")).containsEntry("skipReason", "NO_PREFERRED_CHANNEL");
        assertThat(awaitTask(agent, withdrawn, "THANK_YOU_MESSAGE", "SKIPPED")).containsEntry("skipReason", "NO_CONSENT");
    }

    @Test
    void theTopAnnualSpenderOfEachRegionGetsOneHomeVisit() {
        Staff staff = new Staff(port);
        HttpGraphQlTester agent = staff.agent();
        String east = Customers.register(agent, "IT-EAST-1", "东区冠军");
        String bigSpenderOtherYears = Customers.register(agent, "IT-EAST-2", "东区跨年");
        String west = Customers.register(agent, "IT-WEST-1", "西区冠军");
        purchase(agent, bigSpenderOtherYears, "HV-1", "90000.00", "2024-12-31T23:59:59Z");
        purchase(agent, bigSpenderOtherYears, "HV-2", "20000.00", "2025-03-01T10:00:00Z");
        purchase(agent, bigSpenderOtherYears, "HV-3", "15000.00", "2025-12-31T23:59:59Z");
        purchase(agent, bigSpenderOtherYears, "HV-4", "50000.00", "2026-01-01T00:00:00Z");
        purchase(agent, east, "HV-5", "35000.01", "2025-05-01T10:00:00Z");
        purchase(agent, west, "HV-6", "100.00", "2025-07-01T10:00:00Z");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(lastPurchases(agent))
                .containsEntry(bigSpenderOtherYears, "2026-01-01T00:00:00Z")
                .containsEntry(east, "2025-05-01T10:00:00Z")
                .containsEntry(west, "2025-07-01T10:00:00Z"));

        String plan = "mutation { planHomeVisits(input: {year: 2025}) { careTasks { id customerId kind reason } errors { code } } }";
        List<Map> planned = staff.supervisor().document(plan).execute().path("planHomeVisits.careTasks").entityList(Map.class).get();
        assertThat(planned).extracting(t -> t.get("customerId")).as("only purchases inside 2025 (UTC) count")
                           .containsExactlyInAnyOrder(east, west);
        assertThat(planned).allSatisfy(t -> assertThat(t).containsEntry("kind", "HOME_VISIT"));
        assertThat(staff.supervisor().document(plan).execute().path("planHomeVisits.careTasks").entityList(Map.class).get())
                .as("planning again plans nothing new").isEqualTo(planned);
        assertThat(staff.supervisor()
                .document("mutation { planHomeVisits(input: {year: 9999}) { careTasks { id } errors { code field } } }")
                .execute().path("planHomeVisits").entity(Map.class).get())
                .as("a year that has not happened yet").isEqualTo(Map.of("careTasks", List.of(),
                        "errors", List.of(Map.of("code", "INVALID_INPUT", "field", "year"))));
        staff.agent().document(plan).execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
    }

    private static Map<String, String> lastPurchases(HttpGraphQlTester staff) {
        Map<String, String> last = new HashMap<>();
        for (String store : List.of("IT-EAST-1", "IT-EAST-2", "IT-WEST-1")) {
            staff.document("{ searchCustomers(storeId: \"" + store + "\", first: 100) { edges { node { id lastPurchaseAt } } } }")
                 .execute().path("searchCustomers.edges[*].node").entityList(Map.class).get()
                 .forEach(node -> last.put((String) node.get("id"), (String) node.get("lastPurchaseAt")));
        }
        return last;
    }

    private static void purchase(HttpGraphQlTester agent, String customer, String order, String price, String at) {
        Customers.purchase(agent, customer, order + "-" + customer.substring(0, 8), "IT-EAST-1", 1, price, at)
                 .path("recordPurchase.errors").entityList(Object.class).hasSize(0);
    }

    private Map<String, Object> awaitTask(HttpGraphQlTester staff, String customer, String kind, String status) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> tasks(staff, "customerId: \"" + customer + "\"").stream()
                        .filter(t -> kind.equals(t.get("kind")) && status.equals(t.get("status")))
                        .findFirst().orElse(null),
                task -> task != null);
    }

    private static List<Map> tasks(HttpGraphQlTester staff, String arguments) {
        return staff.document("{ careTasks(" + arguments + ") { edges { node { " + TASK_FIELDS + " } } } }")
                    .execute().path("careTasks.edges[*].node").entityList(Map.class).get();
    }

    private static Map<String, Object> refusal(GraphQlTester.Response response) {
        response.path("completeCareTask.careTask").valueIsNull();
        return response.path("completeCareTask.errors").entityList(Map.class).hasSize(1).get().get(0);
    }
}
