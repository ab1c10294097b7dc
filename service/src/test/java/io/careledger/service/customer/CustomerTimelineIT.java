package io.careledger.service.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.careledger.service.support.Cases;
import io.careledger.service.support.Customers;
import io.careledger.service.support.MutableClock;
import io.careledger.service.support.ServiceTest;
import io.careledger.service.support.Staff;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import reactor.core.Disposable;

/**
 * The customer slice end to end: purchases that cross SILVER and GOLD, a complaint filed and resolved, and
 * then the one timeline that shows all of it in order, searchable, and arriving live over the WebSocket.
 */
@ServiceTest
class CustomerTimelineIT {
    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;

    @Test
    void aCustomersWholeStoryIsOneSearchableTimelineThatAlsoArrivesLive() {
        Staff staff = new Staff(port);
        HttpGraphQlTester agent = staff.agent();
        String store = Cases.newStore();
        String customer = Customers.register(agent, store, "李娜");

        List<Map> live = new CopyOnWriteArrayList<>();
        Disposable subscription = staff.webSocket("agent", "agent-pass")
                .document("subscription($id: ID!) { customerTimeline(customerId: $id) { customerId eventType summary } }")
                .variable("id", customer)
                .executeSubscription()
                .toFlux("customerTimeline", Map.class)
                .subscribe(live::add);
        try {
            String bought = clock.instant().minusSeconds(600).toString();
            Map<String, Object> silver = Customers.purchase(agent, customer, "ORD-A-" + store, store, 3, "2000.00", bought)
                    .path("recordPurchase.errors").entityList(Object.class).hasSize(0)
                    .path("recordPurchase").entity(Map.class).get();
            assertThat(silver.get("purchase")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("total", Map.of("amount", "6000.00", "currency", "CNY"));
            assertThat(silver.get("customer")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("tier", "SILVER").containsEntry("rollingSpend", Map.of("amount", "6000.00"));

            Map<String, Object> gold = Customers.purchase(agent, customer, "ORD-B-" + store, store, 1, "15000.00", bought)
                    .path("recordPurchase.customer").entity(Map.class).get();
            assertThat(gold).containsEntry("tier", "GOLD").containsEntry("rollingSpend", Map.of("amount", "21000.00"));

            String complaint = Cases.fileComplaint(agent, customer, store, "PRODUCT_QUALITY", "西装袖口开线 the cuff seam came apart");
            Cases.step(agent, "acknowledgeComplaint", complaint, Map.of());
            Cases.step(agent, "proposeResolution", complaint, Map.of("resolution", "免费修补袖口 free cuff repair"));
            Cases.step(agent, "acceptResolution", complaint, Map.of());

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(types(agent, customer))
                    .contains("complaint.resolved").contains("care.task-scheduled"));
            assertThat(customerAndCaseSteps(agent, customer)).as("newest first, each step once").containsExactly(
                    "complaint.resolved", "complaint.resolution-proposed", "complaint.acknowledged", "complaint.filed",
                    "customer.vip-upgraded", "customer.purchase-recorded",
                    "customer.vip-upgraded", "customer.purchase-recorded",
                    "customer.registered");

            List<Map> spending = Customers.timeline(agent, customer, ", types: [PURCHASE]");
            assertThat(spending).extracting(e -> e.get("eventType"), e -> e.get("amount")).as("purchases, and the milestone the second crossed")
                    .containsExactly(
                            tuple("customer.spend-milestone-reached", Map.of("amount", "10000.00", "currency", "CNY")),
                            tuple("customer.purchase-recorded", Map.of("amount", "15000.00", "currency", "CNY")),
                            tuple("customer.purchase-recorded", Map.of("amount", "6000.00", "currency", "CNY")));
            assertThat(spending).extracting(e -> e.get("staffId")).as("a milestone is the policy's doing")
                                .containsExactly("system", "agent", "agent");
            assertThat(spending).extracting(e -> e.get("id")).as("each entry has an id of its own")
                                .doesNotContainNull().doesNotHaveDuplicates().hasSize(3);

            assertThat(Customers.timeline(agent, customer, ", text: \"袖口\"")).extracting(e -> e.get("caseId"))
                    .as("Chinese words of the customer and staff are searchable").isNotEmpty().containsOnly(complaint);
            assertThat(Customers.timeline(agent, customer, ", text: \"cuff seam\"")).extracting(e -> e.get("eventType"))
                    .contains("complaint.filed");

            Customers.step(agent, "recordProfileNote", "RecordProfileNoteInput", customer,
                    Map.of("category", "STYLE", "text", "偏爱深蓝色西装 prefers navy suits"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(live).extracting(e -> (String) e.get("summary"))
                    .anySatisfy(summary -> assertThat(summary).contains("prefers navy suits")));
            assertThat(live).allSatisfy(entry -> assertThat(entry.get("customerId")).isEqualTo(customer));
        } finally {
            subscription.dispose();
        }
    }

    private static List<String> types(HttpGraphQlTester staff, String customer) {
        return Customers.timeline(staff, customer, "").stream().map(e -> (String) e.get("eventType")).toList();
    }

    /** Steps caused directly by the mutations, without the care tasks and milestones that policies add asynchronously. */
    private static List<String> customerAndCaseSteps(HttpGraphQlTester staff, String customer) {
        return types(staff, customer).stream()
                                     .filter(type -> !type.startsWith("care.") && !type.equals("customer.spend-milestone-reached"))
                                     .toList();
    }
}
