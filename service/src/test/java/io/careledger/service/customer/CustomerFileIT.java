package io.careledger.service.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.careledger.service.support.Cases;
import io.careledger.service.support.Customers;
import io.careledger.service.support.MutableClock;
import io.careledger.service.support.ServiceTest;
import io.careledger.service.support.Staff;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** The customer file over GraphQL: each change recorded once, each refusal typed and changing nothing. */
@ServiceTest
class CustomerFileIT {
    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;

    @Test
    void theHardProfileRecordsOnlyRealChangesAndRefusesBadInputWithoutChangingAnything() {
        HttpGraphQlTester agent = new Staff(port).agent();
        String customer = Customers.register(agent, Cases.newStore(), "陈静");
        long registered = version(agent, customer);

        Map<String, Object> updated = Customers.step(agent, "updateCustomerProfile", "UpdateCustomerProfileInput", customer,
                Map.of("email", "chen.jing@example.com", "birthday", "1988-03-14", "clothingSize", "M"));
        assertThat(updated).containsEntry("email", "chen.jing@example.com").containsEntry("birthday", "1988-03-14")
                           .containsEntry("clothingSize", "M").containsEntry("name", "陈静");
        assertThat(((Number) updated.get("version")).longValue()).isEqualTo(registered + 1);

        Map<String, Object> same = Customers.step(agent, "updateCustomerProfile", "UpdateCustomerProfileInput", customer,
                Map.of("email", "chen.jing@example.com"));
        assertThat(same.get("version")).as("the same value again is no change").isEqualTo(updated.get("version"));

        assertThat(Customers.refused(agent, "updateCustomerProfile", "UpdateCustomerProfileInput", customer, Map.of("phone", "call me")))
                .containsEntry("code", "INVALID_INPUT").containsEntry("field", "phone");
        assertThat(Customers.refused(agent, "updateCustomerProfile", "UpdateCustomerProfileInput", customer,
                Map.of("birthday", "14/03/1988"))).containsEntry("code", "INVALID_INPUT").containsEntry("field", "birthday");
        assertThat(Customers.refused(agent, "updateCustomerProfile", "UpdateCustomerProfileInput", "no such id!",
                Map.of("name", "x"))).containsEntry("code", "INVALID_INPUT").containsEntry("field", "customerId");
        assertThat(Customers.refused(agent, "updateCustomerProfile", "UpdateCustomerProfileInput", "unknown-customer",
                Map.of("name", "x"))).containsEntry("code", "NOT_FOUND");
        assertThat(Customers.find(agent, customer)).containsEntry("version", updated.get("version"))
                                                   .containsEntry("phone", "+86 139-0000-2222");
    }

    @Test
    void notesTagsAndConsentsAreKeptPerCustomer() {
        HttpGraphQlTester agent = new Staff(port).agent();
        String customer = Customers.register(agent, Cases.newStore(), "赵敏");

        Customers.step(agent, "recordProfileNote", "RecordProfileNoteInput", customer,
                Map.of("category", "FAMILY", "text", "两个孩子 two children, buys school uniforms in August"));
        Customers.step(agent, "tagCustomer", "TagCustomerInput", customer, Map.of("tag", "maternal-and-baby repeat buyer"));
        Map<String, Object> tagged = Customers.step(agent, "tagCustomer", "TagCustomerInput", customer,
                Map.of("tag", "once complained about damaged packaging"));
        assertThat(tagged.get("tags")).isEqualTo(List.of("maternal-and-baby repeat buyer", "once complained about damaged packaging"));
        assertThat((List<Map>) tagged.get("notes")).singleElement()
                .satisfies(note -> assertThat(note).containsEntry("category", "FAMILY").containsEntry("by", "agent"));

        assertThat(Customers.refused(agent, "untagCustomer", "TagCustomerInput", customer, Map.of("tag", "never given")))
                .containsEntry("code", "NOT_FOUND").containsEntry("field", "tag");
        Map<String, Object> untagged = Customers.step(agent, "untagCustomer", "TagCustomerInput", customer,
                Map.of("tag", "maternal-and-baby repeat buyer"));
        assertThat(untagged.get("tags")).isEqualTo(List.of("once complained about damaged packaging"));

        Map<String, Object> consented = Customers.step(agent, "giveConsent", "ConsentInput", customer, Map.of("purpose", "MARKETING_EMAIL"));
        assertThat((List<String>) consented.get("consents")).containsExactlyInAnyOrder("DATA_PROCESSING", "MARKETING_SMS", "MARKETING_EMAIL");
        Map<String, Object> withdrawn = Customers.step(agent, "withdrawConsent", "ConsentInput", customer, Map.of("purpose", "MARKETING_SMS"));
        assertThat((List<String>) withdrawn.get("consents")).containsExactlyInAnyOrder("DATA_PROCESSING", "MARKETING_EMAIL");
        assertThat(Customers.refused(agent, "recordProfileNote", "RecordProfileNoteInput", customer,
                Map.of("category", "HOBBIES", "text", " "))).containsEntry("code", "INVALID_INPUT").containsEntry("field", "text");
    }

    @Test
    void pointsAndOrdersAreNeverCountedTwiceAndNeverGoNegative() {
        HttpGraphQlTester agent = new Staff(port).agent();
        String store = Cases.newStore();
        String customer = Customers.register(agent, store, "孙悦");
        String at = clock.instant().minusSeconds(60).toString();
        Map<String, Object> first = Customers.purchase(agent, customer, "ORD-1-" + store, store, 2, "149.90", at)
                .path("recordPurchase.customer").entity(Map.class).get();
        int points = ((Number) first.get("points")).intValue();
        assertThat(points).isPositive();

        GraphQlTester.Response again = Customers.purchase(agent, customer, "ORD-1-" + store, store, 2, "149.90", at);
        again.path("recordPurchase.purchase").valueIsNull();
        assertThat(again.path("recordPurchase.errors").entityList(Map.class).get()).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("code", "ALREADY_EXISTS").containsEntry("field", "orderId"));
        assertThat(Customers.purchase(agent, customer, "ORD-2-" + store, store, 1, "-5", at)
                .path("recordPurchase.errors").entityList(Map.class).get()).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("code", "INVALID_INPUT").containsEntry("field", "lines[0].unitPrice"));
        assertThat(Customers.purchase(agent, customer, "ORD-3-" + store, store, 1, "10.00", clock.instant().plusSeconds(3600).toString())
                .path("recordPurchase.errors").entityList(Map.class).get()).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("field", "purchasedAt"));

        assertThat(Customers.refused(agent, "redeemPoints", "RedeemPointsInput", customer, Map.of("points", points + 1, "reason", "gift")))
                .containsEntry("code", "INSUFFICIENT_POINTS").containsEntry("field", "points");
        Map<String, Object> redeemed = Customers.step(agent, "redeemPoints", "RedeemPointsInput", customer,
                Map.of("points", points, "reason", "scarf"));
        assertThat(redeemed).containsEntry("points", 0)
                            .containsEntry("cumulativeSpend", Map.of("amount", "299.80", "currency", "CNY"));
    }

    @Test
    void onlyASupervisorChangesTiersByHandAndOnlyUpwards() {
        Staff staff = new Staff(port);
        String customer = Customers.register(staff.agent(), Cases.newStore(), "周雪");

        GraphQlTester.Response byAgent = staff.agent().document("mutation { upgradeVip(input: {customerId: \"" + customer
                + "\", tier: GOLD, reason: \"loyal\"}) { customer { tier } errors { code } } }").execute();
        byAgent.errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));

        HttpGraphQlTester supervisor = staff.supervisor();
        assertThat(Customers.step(supervisor, "upgradeVip", "UpgradeVipInput", customer,
                Map.of("tier", "GOLD", "reason", "十年老顾客 ten-year customer"))).containsEntry("tier", "GOLD");
        assertThat(Customers.refused(supervisor, "upgradeVip", "UpgradeVipInput", customer, Map.of("tier", "SILVER", "reason", "x")))
                .containsEntry("code", "INVALID_TRANSITION").containsEntry("field", "tier");
        assertThat(Customers.refused(supervisor, "upgradeVip", "UpgradeVipInput", customer, Map.of("tier", "PLATINUM", "reason", "")))
                .containsEntry("code", "INVALID_INPUT").containsEntry("field", "reason");

        assertThat(Customers.step(supervisor, "reviewTier", "ReviewTierInput", customer, Map.of()))
                .as("the annual review goes by spend: none, so back to MEMBER").containsEntry("tier", "MEMBER");
    }

    @Test
    void aReferralLinksTwoCustomersOnce() {
        HttpGraphQlTester agent = new Staff(port).agent();
        String store = Cases.newStore();
        String existing = Customers.register(agent, store, "老客户");
        String newcomer = Customers.register(agent, store, "新客户");

        assertThat(Customers.step(agent, "recordReferral", "RecordReferralInput", newcomer, Map.of("referredBy", existing)))
                .containsEntry("referredBy", existing);
        assertThat(Customers.refused(agent, "recordReferral", "RecordReferralInput", newcomer, Map.of("referredBy", existing)))
                .containsEntry("code", "ALREADY_EXISTS");
        assertThat(Customers.refused(agent, "recordReferral", "RecordReferralInput", existing, Map.of("referredBy", "nobody-123")))
                .containsEntry("code", "NOT_FOUND").containsEntry("field", "referredBy");
        assertThat(Customers.refused(agent, "recordReferral", "RecordReferralInput", existing, Map.of("referredBy", existing)))
                .containsEntry("code", "INVALID_INPUT");
    }

    @Test
    void surveyResponsesAreValidatedAndOnePerSubject() {
        HttpGraphQlTester agent = new Staff(port).agent();
        String customer = Customers.register(agent, Cases.newStore(), "吴昊");
        String survey = "mutation($input: RecordSurveyResponseInput!) { recordSurveyResponse(input: $input) { "
                + "response { id customerId subjectKind subjectId csat nps comment recordedAt } errors { code field } } }";

        Map<String, Object> response = agent.document(survey).variable("input", Map.of("customerId", customer,
                        "subjectKind", "ORDER", "subjectId", "ORD-77", "csat", 5, "nps", 9, "comment", "导购很耐心"))
                .execute().path("recordSurveyResponse.response").entity(Map.class).get();
        assertThat(response).containsEntry("customerId", customer).containsEntry("subjectId", "ORD-77")
                            .containsEntry("csat", 5).containsEntry("nps", 9);

        assertThat(agent.document(survey).variable("input", Map.of("customerId", customer, "subjectKind", "ORDER",
                        "subjectId", "ORD-77", "csat", 4)).execute()
                .path("recordSurveyResponse.errors").entityList(Map.class).get()).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("code", "ALREADY_EXISTS"));
        assertThat(agent.document(survey).variable("input", Map.of("customerId", customer, "csat", 6)).execute()
                .path("recordSurveyResponse.errors").entityList(Map.class).get()).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("code", "INVALID_INPUT").containsEntry("field", "csat"));
        assertThat(agent.document(survey).variable("input", Map.of("customerId", customer, "comment", "no scores")).execute()
                .path("recordSurveyResponse.errors").entityList(Map.class).get()).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("code", "INVALID_INPUT"));
    }

    @Test
    void customersAreSearchableAndShowTheirOpenCases() {
        HttpGraphQlTester agent = new Staff(port).agent();
        String store = Cases.newStore();
        String customer = Customers.register(agent, store, "欧阳娜娜");
        Customers.register(agent, store, "林小明");
        Customers.step(agent, "tagCustomer", "TagCustomerInput", customer, Map.of("tag", "prefers silk"));
        String complaint = Cases.fileComplaint(agent, customer, store, "DELIVERY", "快递晚了三天");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(search(agent, "text: \"欧阳\", storeId: \"" + store + "\"")).containsExactly(customer);
            assertThat(search(agent, "text: \"silk\", storeId: \"" + store + "\"")).containsExactly(customer);
            assertThat(search(agent, "tier: MEMBER, storeId: \"" + store + "\"")).hasSize(2);
            assertThat(Customers.find(agent, customer)).containsEntry("openCases", 1).containsKey("lastContactAt");
        });
        Cases.step(agent, "acknowledgeComplaint", complaint, Map.of());
        agent.document("{ searchCustomers(first: 101) { totalCount } }").execute().errors()
             .satisfy(errors -> assertThat(errors).singleElement()
                     .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
    }

    private static List<String> search(HttpGraphQlTester staff, String arguments) {
        return staff.document("{ searchCustomers(" + arguments + ") { totalCount edges { node { id } } } }")
                    .execute().path("searchCustomers.edges[*].node.id").entityList(String.class).get();
    }

    private static long version(HttpGraphQlTester staff, String customer) {
        return ((Number) Customers.find(staff, customer).get("version")).longValue();
    }
}
