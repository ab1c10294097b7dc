package io.careledger.service.refund;

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

/** Refunds end to end over GraphQL: the approval policy's paths, the supervisor's, deadlines and refusals. */
@ServiceTest
class RefundsIT {
    private static final String REFUND_FIELDS = """
            id kind customerId storeId openedAt updatedAt slaBreached version orderId
            lines { sku category quantity unitPrice { amount currency } } amount { amount currency }
            reason method hasReceipt hasOriginalPackaging purchaseIdentified photoUrl complaintId status
            decision { approved automatic rule policyVersion note by at
                       inputs { requestedAmount { amount currency } reason categories photo recentRefunds recentRefundWindowDays } }
            approvedAmount { amount currency } coupon { value { amount currency } category }
            requestedBy reviewDueAt refundDueAt paidAt paymentReference replacementItems breachedDeadlines
            """;
    private static final String ERRORS = "errors { code message field }";

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;

    @Test
    void aRoutineRefundWithinTheLimitIsApprovedAutomaticallyWithoutAReceiptAndThenPaid() {
        Staff staff = new Staff(port);
        HttpGraphQlTester agent = staff.agent();
        String store = Cases.newStore();
        String customer = Customers.register(agent, store, "周洁");
        String order = "ORD-R-" + store;
        Customers.purchase(agent, customer, order, store, 2, "60.00", clock.instant().minusSeconds(3600).toString())
                 .path("recordPurchase.errors").entityList(Object.class).hasSize(0);

        Map<String, Object> input = request(customer, store, order, "QUALITY", false, true,
                line("SUIT-" + order, "MENSWEAR", 2, "60.00"));
        input.remove("storeId");
        Map<String, Object> refund = requested(agent, input);

        assertThat(refund).containsEntry("kind", "REFUND").containsEntry("status", "APPROVED")
                          .containsEntry("purchaseIdentified", true).containsEntry("hasReceipt", false)
                          .containsEntry("amount", Map.of("amount", "120.00", "currency", "CNY"))
                          .containsEntry("approvedAmount", Map.of("amount", "120.00", "currency", "CNY"))
                          .containsEntry("requestedBy", "agent")
                          .as("the store of the recorded purchase").containsEntry("storeId", store);
        Map<String, Object> decision = map(refund.get("decision"));
        assertThat(decision).containsEntry("automatic", true).containsEntry("rule", "ROUTINE_AUTOMATIC")
                            .containsEntry("policyVersion", "refund-2026.1").containsEntry("by", "system");
        assertThat(map(decision.get("inputs"))).containsEntry("recentRefunds", 0)
                                                      .containsEntry("recentRefundWindowDays", 30);
        Instant openedAt = Instant.parse((String) refund.get("openedAt"));
        assertThat(Instant.parse((String) refund.get("reviewDueAt"))).isEqualTo(openedAt.plus(Duration.ofHours(2)));
        assertThat(Instant.parse((String) refund.get("refundDueAt"))).isEqualTo(openedAt.plus(Duration.ofHours(24)));

        String id = (String) refund.get("id");
        Map<String, Object> paid = step(agent, "markRefundPaid", Map.of("refundId", id, "paymentReference", "till-7-0042"));
        assertThat(paid).containsEntry("status", "PAID").containsEntry("paymentReference", "till-7-0042");
        assertThat(paid.get("paidAt")).isNotNull();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(search(agent,
                "kind: REFUND, refundStatus: PAID, storeId: \"" + store + "\"")).containsExactly(id));
        assertThat(Cases.history(staff.auditor(), id)).extracting(e -> e.get("type"))
                .containsExactly("refund.requested", "refund.approved", "refund.paid");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                Customers.timeline(agent, customer, ", types: [REFUND]"))
                .extracting(e -> e.get("eventType"), e -> e.get("caseId"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("refund.paid", id),
                        org.assertj.core.groups.Tuple.tuple("refund.approved", id),
                        org.assertj.core.groups.Tuple.tuple("refund.requested", id)));
    }

    @Test
    void aLargeRefundWaitsForASupervisorAnAgentMayNotApproveItAndTheAuditorSeesItAsItWas() {
        Staff staff = new Staff(port);
        String store = Cases.newStore();
        String customer = Customers.register(staff.agent(), store, "吴敏");
        String complaint = Cases.fileComplaint(staff.agent(), customer, store, "PRODUCT_QUALITY", "大衣开线 coat seam");

        Map<String, Object> input = request(customer, store, null, "QUALITY", true, true,
                line("COAT-1", "WOMENSWEAR", 1, "1299.00"));
        input.put("complaintId", complaint);
        Map<String, Object> refund = requested(staff.agent(), input);
        String id = (String) refund.get("id");
        assertThat(refund).containsEntry("status", "AWAITING_REVIEW").containsEntry("decision", null)
                          .containsEntry("complaintId", complaint);

        GraphQlTester.Response forbidden = send(staff.agent(), "approveRefund", Map.of("refundId", id));
        forbidden.errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));

        Map<String, Object> approved = step(staff.supervisor(), "approveRefund",
                Map.of("refundId", id, "note", "质量问题属实 quality fault confirmed"));
        assertThat(approved).containsEntry("status", "APPROVED")
                            .containsEntry("approvedAmount", Map.of("amount", "1299.00", "currency", "CNY"));
        assertThat(map(approved.get("decision"))).containsEntry("automatic", false)
                .containsEntry("rule", "SUPERVISOR").containsEntry("by", "supervisor")
                .containsEntry("note", "质量问题属实 quality fault confirmed");

        Map<String, Object> exchanged = step(staff.agent(), "markRefundPaid",
                Map.of("refundId", id, "paymentReference", "exchange-slip-9", "replacementItems", List.of("COAT-1-L")));
        assertThat(exchanged).containsEntry("status", "EXCHANGED").containsEntry("replacementItems", List.of("COAT-1-L"));

        Map<String, Object> asRequested = map(staff.auditor().document("query($id: ID!, $at: DateTime!) { caseAsOf(caseId: $id, at: $at) { "
                        + "eventCount case { kind ... on Refund { status decision { rule } } } } }")
                .variable("id", id).variable("at", refund.get("openedAt"))
                .execute().path("caseAsOf").entity(Map.class).get());
        assertThat(asRequested).containsEntry("eventCount", 1);
        assertThat(map(asRequested.get("case"))).containsEntry("kind", "REFUND")
                .containsEntry("status", "AWAITING_REVIEW").containsEntry("decision", null);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                Customers.timeline(staff.agent(), customer, ", text: \"" + complaint + "\""))
                .extracting(e -> e.get("caseId")).as("the compensation names its complaint").containsOnly(id));
    }

    @Test
    void spoiledFreshFoodWithAPhotoIsRefundedAtOnceWithACouponAndWithoutPackaging() {
        HttpGraphQlTester agent = new Staff(port).agent();
        String store = Cases.newStore();
        String customer = Customers.register(agent, store, "郑爽");
        Map<String, Object> input = request(customer, store, null, "SPOILED", true, false,
                line("CAKE-1", "BAKERY", 1, "25.80"));
        input.put("method", "APP");
        input.put("photoUrl", "https://photos.example/cake-1.jpg");

        Map<String, Object> refund = requested(agent, input);

        assertThat(refund).containsEntry("status", "PAID")
                          .containsEntry("coupon", Map.of("value", Map.of("amount", "10.00", "currency", "CNY"),
                                  "category", "BAKERY"))
                          .containsEntry("paymentReference", "instant-" + refund.get("id"))
                          .containsEntry("photoUrl", "https://photos.example/cake-1.jpg")
                          .containsEntry("paidAt", refund.get("openedAt"));
        assertThat(map(refund.get("decision"))).containsEntry("rule", "FRESH_SPOILAGE_INSTANT")
                                                      .containsEntry("automatic", true);
    }

    @Test
    void aMissedReviewIsABreachThatCaseSearchFinds() {
        HttpGraphQlTester agent = new Staff(port).agent();
        String store = Cases.newStore();
        String customer = Customers.register(agent, store, "王磊");
        String id = (String) requested(agent, request(customer, store, null, "CHANGED_MIND", true, true,
                line("SHOE-1", "FOOTWEAR", 1, "680.00"))).get("id");

        clock.advance(Duration.ofHours(3));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(search(agent,
                "kind: REFUND, breached: true, storeId: \"" + store + "\"")).containsExactly(id));
        Map<String, Object> found = map(agent.document("query($id: ID!) { refund(id: $id) { status slaBreached breachedDeadlines } }")
                .variable("id", id).execute().path("refund").entity(Map.class).get());
        assertThat(found).containsEntry("status", "AWAITING_REVIEW").containsEntry("slaBreached", true)
                         .containsEntry("breachedDeadlines", List.of("REVIEW"));
    }

    @Test
    void refusalsAreTypedUserErrorsAndRecordNothing() {
        Staff staff = new Staff(port);
        HttpGraphQlTester agent = staff.agent();
        String store = Cases.newStore();
        String customer = Customers.register(agent, store, "孙丽");

        assertThat(refused(agent, "requestRefund", request(customer, store, null, "QUALITY", true, true,
                line("A-1", "MENSWEAR", 1, "12.345")))).containsEntry("code", "INVALID_INPUT").containsEntry("field", "amount");
        assertThat(refused(agent, "requestRefund", request("nobody-" + store, store, null, "QUALITY", true, true,
                line("A-1", "MENSWEAR", 1, "12.00")))).containsEntry("code", "NOT_FOUND").containsEntry("field", "customerId");
        assertThat(refused(agent, "requestRefund", request(customer, store, "ORD-NONE-" + store, "QUALITY", false, true,
                line("A-1", "MENSWEAR", 1, "12.00")))).containsEntry("code", "RECEIPT_REQUIRED")
                .containsEntry("field", "hasReceipt");
        assertThat(refused(agent, "requestRefund", request(customer, store, null, "QUALITY", true, false,
                line("A-1", "MENSWEAR", 1, "12.00")))).containsEntry("code", "PACKAGING_REQUIRED")
                .containsEntry("field", "hasOriginalPackaging");

        String id = (String) requested(agent, request(customer, store, null, "QUALITY", true, true,
                line("A-1", "MENSWEAR", 1, "900.00"))).get("id");
        assertThat(refused(agent, "markRefundPaid", Map.of("refundId", id, "paymentReference", "till-1")))
                .containsEntry("code", "INVALID_TRANSITION");
        step(staff.supervisor(), "rejectRefund", Map.of("refundId", id, "note", "worn"));
        assertThat(refused(staff.supervisor(), "approveRefund", Map.of("refundId", id)))
                .containsEntry("code", "INVALID_TRANSITION");
        assertThat(Cases.history(staff.auditor(), id)).extracting(e -> e.get("type"))
                .containsExactly("refund.requested", "refund.rejected");
        assertThat(refused(agent, "markRefundPaid", Map.of("refundId", "no-such-refund", "paymentReference", "x")))
                .containsEntry("code", "NOT_FOUND");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> line(String sku, String category, int quantity, String unitPrice) {
        return Map.of("sku", sku, "category", category, "quantity", quantity,
                "unitPrice", Map.of("amount", unitPrice, "currency", "CNY"));
    }

    private static Map<String, Object> request(String customer, String store, String order, String reason,
                                               boolean receipt, boolean packaging, Map<String, Object> line) {
        Map<String, Object> input = new HashMap<>();
        input.put("customerId", customer);
        input.put("storeId", store);
        if (order != null) {
            input.put("orderId", order);
        }
        input.put("lines", List.of(line));
        input.put("reason", reason);
        input.put("method", "STORE_DESK");
        input.put("hasReceipt", receipt);
        input.put("hasOriginalPackaging", packaging);
        return input;
    }

    private static Map<String, Object> requested(HttpGraphQlTester staff, Map<String, Object> input) {
        return step(staff, "requestRefund", input);
    }

    private static Map<String, Object> step(HttpGraphQlTester staff, String mutation, Map<String, Object> input) {
        GraphQlTester.Response response = send(staff, mutation, input);
        response.path(mutation + ".errors").entityList(Object.class).hasSize(0);
        return response.path(mutation + ".refund").entity(Map.class).get();
    }

    private static Map<String, Object> refused(HttpGraphQlTester staff, String mutation, Map<String, Object> input) {
        GraphQlTester.Response response = send(staff, mutation, input);
        response.path(mutation + ".refund").valueIsNull();
        return response.path(mutation + ".errors").entityList(Map.class).hasSize(1).get().get(0);
    }

    private static GraphQlTester.Response send(HttpGraphQlTester staff, String mutation, Map<String, Object> input) {
        String inputType = Character.toUpperCase(mutation.charAt(0)) + mutation.substring(1) + "Input";
        return staff.document("mutation($input: " + inputType + "!) { " + mutation + "(input: $input) { refund { "
                        + REFUND_FIELDS + " } " + ERRORS + " } }")
                .variable("input", input)
                .execute();
    }

    private static List<String> search(HttpGraphQlTester staff, String arguments) {
        return staff.document("{ searchCases(" + arguments + ") { edges { node { id kind } } } }")
                .execute().path("searchCases.edges[*].node.id").entityList(String.class).get();
    }
}
