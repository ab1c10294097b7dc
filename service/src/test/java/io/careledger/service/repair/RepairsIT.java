package io.careledger.service.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.careledger.service.support.Cases;
import io.careledger.service.support.Customers;
import io.careledger.service.support.MutableClock;
import io.careledger.service.support.ServiceTest;
import io.careledger.service.support.Staff;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Repairs end to end over GraphQL: a free repair under warranty, an unrepairable item with its fee, refusals. */
@ServiceTest
class RepairsIT {
    private static final String REPAIR_FIELDS = """
            id kind customerId storeId openedAt updatedAt slaBreached version orderId sku material
            salePrice { amount currency } purchasedAt fault status goodsReceiptNumber
            decision { path freeOfCharge reason policyVersion soldOn registeredOn daysSinceSale warrantyEndsOn misuseSuspected }
            steps { step by at } fee { amount currency } depreciationRate unrepairableReason invoiceReference
            registeredBy completedAt returnedAt
            """;

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;

    @Test
    void aFaultUnderWarrantyIsRepairedFreeAndLoggedStepByStep() {
        Staff staff = new Staff(port);
        HttpGraphQlTester agent = staff.agent();
        String store = Cases.newStore();
        String customer = Customers.register(agent, store, "陈静");

        Map<String, Object> repair = step(agent, "registerRepair", register(customer, store, "TEXTILE", 40, false));
        String id = (String) repair.get("id");
        assertThat(repair).containsEntry("kind", "REPAIR").containsEntry("status", "REGISTERED")
                          .containsEntry("salePrice", Map.of("amount", "2400.00", "currency", "CNY"));
        assertThat(map(repair.get("decision"))).containsEntry("path", "FREE_REPAIR").containsEntry("freeOfCharge", true)
                .containsEntry("reason", "within the warranty (until "
                        + map(repair.get("decision")).get("warrantyEndsOn") + ") and no misuse suspected: free repair")
                .containsEntry("daysSinceSale", 40).containsEntry("policyVersion", "warranty-2026.1");

        step(agent, "takeInRepairItem", Map.of("repairId", id, "goodsReceiptNumber", "GR-" + store));
        step(agent, "logRepairStep", Map.of("repairId", id, "step", "换拉链 zip replaced"));
        Map<String, Object> completed = step(agent, "completeRepair", Map.of("repairId", id, "note", "as new"));
        assertThat(completed).containsEntry("status", "COMPLETED").containsEntry("fee", null)
                             .containsEntry("goodsReceiptNumber", "GR-" + store);
        assertThat((List<?>) completed.get("steps")).hasSize(1);
        Map<String, Object> returned = step(agent, "returnRepairItem", Map.of("repairId", id));
        assertThat(returned).containsEntry("status", "RETURNED");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(search(agent,
                "kind: REPAIR, repairStatus: RETURNED, storeId: \"" + store + "\"")).containsExactly(id));
        assertThat(Cases.history(staff.auditor(), id)).extracting(e -> e.get("type")).containsExactly(
                "repair.registered", "repair.item-taken-in", "repair.step-logged", "repair.completed",
                "repair.item-returned");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                Customers.timeline(agent, customer, ", types: [REPAIR]")).extracting(e -> e.get("caseId"))
                .hasSize(5).containsOnly(id));
    }

    @Test
    void anUnrepairableItemIsExchangedForTheDepreciationFeeOfItsAge() {
        Staff staff = new Staff(port);
        HttpGraphQlTester agent = staff.agent();
        String store = Cases.newStore();
        String customer = Customers.register(agent, store, "林峰");
        String bought = clock.instant().minus(Duration.ofDays(45)).toString();
        Customers.purchase(agent, customer, "ORD-" + store, store, 1, "2400.00", bought)
                 .path("recordPurchase.errors").entityList(Object.class).hasSize(0);
        Map<String, Object> input = register(customer, store, "LEATHER", 45, false);
        input.remove("storeId");
        input.remove("salePrice");
        input.put("sku", "SUIT-ORD-" + store);
        input.put("purchasedAt", bought);
        Map<String, Object> registered = step(agent, "registerRepair", input);
        assertThat(registered).as("store and price from the recorded purchase").containsEntry("storeId", store)
                              .containsEntry("salePrice", Map.of("amount", "2400.00", "currency", "CNY"));
        String id = (String) registered.get("id");
        step(agent, "takeInRepairItem", Map.of("repairId", id, "goodsReceiptNumber", "GR-L-" + store));

        Map<String, Object> unrepairable = step(agent, "declareUnrepairable",
                Map.of("repairId", id, "reason", "皮面开裂无法修复 the leather cracked"));
        assertThat(unrepairable).containsEntry("status", "UNREPAIRABLE")
                                .containsEntry("fee", Map.of("amount", "240.00", "currency", "CNY"))
                                .containsEntry("depreciationRate", "0.1");

        assertThat(refused(agent, "returnRepairItem", Map.of("repairId", id)))
                .containsEntry("code", "INVALID_INPUT").containsEntry("field", "invoiceReference");
        Map<String, Object> returned = step(agent, "returnRepairItem", Map.of("repairId", id, "invoiceReference", "INV-88"));
        assertThat(returned).containsEntry("status", "RETURNED").containsEntry("invoiceReference", "INV-88");

        Map<String, Object> asOf = map(staff.auditor().document("query($id: ID!, $at: DateTime!) { caseAsOf(caseId: $id, at: $at) { "
                        + "eventCount case { kind ... on Repair { status fee { amount } } } } }")
                .variable("id", id).variable("at", unrepairable.get("updatedAt"))
                .execute().path("caseAsOf").entity(Map.class).get());
        assertThat(asOf).containsEntry("eventCount", 3)
                .containsEntry("case", Map.of("kind", "REPAIR", "status", "UNREPAIRABLE", "fee", Map.of("amount", "240.00")));
    }

    @Test
    void refusalsAreTypedUserErrorsAndRecordNothing() {
        HttpGraphQlTester agent = new Staff(port).agent();
        String store = Cases.newStore();
        String customer = Customers.register(agent, store, "黄河");

        Map<String, Object> badMoney = register(customer, store, "TEXTILE", 40, false);
        badMoney.put("salePrice", Map.of("amount", "1.999", "currency", "CNY"));
        assertThat(refused(agent, "registerRepair", badMoney)).containsEntry("code", "INVALID_INPUT")
                                                               .containsEntry("field", "amount");
        assertThat(refused(agent, "registerRepair", register("nobody-" + store, store, "TEXTILE", 40, false)))
                .containsEntry("code", "NOT_FOUND").containsEntry("field", "customerId");

        Map<String, Object> referred = step(agent, "registerRepair", register(customer, store, "TEXTILE", 10, false));
        assertThat(referred).containsEntry("status", "REFERRED_TO_RETURN");
        assertThat(map(referred.get("decision"))).containsEntry("path", "RETURN_OR_EXCHANGE");
        assertThat(refused(agent, "takeInRepairItem", Map.of("repairId", referred.get("id"), "goodsReceiptNumber", "GR-1")))
                .containsEntry("code", "INVALID_TRANSITION");

        Map<String, Object> paid = step(agent, "registerRepair", register(customer, store, "TEXTILE", 40, true));
        assertThat(map(paid.get("decision"))).containsEntry("path", "PAID_REPAIR").containsEntry("freeOfCharge", false);
        step(agent, "takeInRepairItem", Map.of("repairId", paid.get("id"), "goodsReceiptNumber", "GR-2"));
        assertThat(refused(agent, "completeRepair", Map.of("repairId", paid.get("id"))))
                .containsEntry("code", "INVALID_INPUT").containsEntry("field", "fee");
        Map<String, Object> done = step(agent, "completeRepair", Map.of("repairId", paid.get("id"),
                "fee", Map.of("amount", "80.00", "currency", "CNY"), "invoiceReference", "INV-7"));
        assertThat(done).containsEntry("fee", Map.of("amount", "80.00", "currency", "CNY"))
                        .containsEntry("invoiceReference", "INV-7");
    }

    @Test
    void aQualifyingSuitHasOneFreeDryCleanAndASecondIsRefused() {
        HttpGraphQlTester agent = new Staff(port).agent();
        String store = Cases.newStore();
        String customer = Customers.register(agent, store, "赵军");
        Map<String, Object> input = new HashMap<>(Map.of("customerId", customer, "orderId", "ORD-S-" + store,
                "sku", "SUIT-" + store, "category", "SUIT", "material", "TEXTILE",
                "salePrice", Map.of("amount", "2000.00", "currency", "CNY"),
                "purchasedAt", clock.instant().minus(Duration.ofDays(100)).toString(), "service", "DRY_CLEAN"));
        String redeem = "mutation($input: RedeemFreeCareInput!) { redeemFreeCare(input: $input) { "
                + "redemption { garmentId customerId orderId sku service policyVersion by occurredAt } "
                + "errors { code message field } } }";

        Map<String, Object> redemption = map(agent.document(redeem).variable("input", input).execute()
                .path("redeemFreeCare.errors").entityList(Object.class).hasSize(0)
                .path("redeemFreeCare.redemption").entity(Map.class).get());
        assertThat(redemption).containsEntry("service", "DRY_CLEAN").containsEntry("customerId", customer)
                              .containsEntry("policyVersion", "warranty-2026.1").containsEntry("by", "agent");

        GraphQlTester.Response again = agent.document(redeem).variable("input", input).execute();
        again.path("redeemFreeCare.redemption").valueIsNull();
        assertThat(map(again.path("redeemFreeCare.errors").entityList(Map.class).hasSize(1).get().get(0)))
                .containsEntry("code", "ALREADY_REDEEMED").containsEntry("field", "service");

        input.put("service", "LEATHER_CARE");
        GraphQlTester.Response notLeather = agent.document(redeem).variable("input", input).execute();
        assertThat(map(notLeather.path("redeemFreeCare.errors").entityList(Map.class).hasSize(1).get().get(0)))
                .containsEntry("code", "NOT_ELIGIBLE");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                Customers.timeline(agent, customer, ", types: [REPAIR]")).extracting(e -> e.get("eventType"))
                .containsExactly("repair.free-care-redeemed"));
    }

    private Map<String, Object> register(String customer, String store, String material, int daysAgo, boolean misuse) {
        Map<String, Object> input = new HashMap<>();
        input.put("customerId", customer);
        input.put("orderId", "ORD-" + store);
        input.put("storeId", store);
        input.put("sku", "COAT-" + store);
        input.put("material", material);
        input.put("salePrice", Map.of("amount", "2400.00", "currency", "CNY"));
        input.put("purchasedAt", clock.instant().minus(Duration.ofDays(daysAgo)).toString());
        input.put("fault", "拉链坏了 the zip broke");
        input.put("misuseSuspected", misuse);
        return input;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> step(HttpGraphQlTester staff, String mutation, Map<String, Object> input) {
        GraphQlTester.Response response = send(staff, mutation, input);
        response.path(mutation + ".errors").entityList(Object.class).hasSize(0);
        return response.path(mutation + ".repair").entity(Map.class).get();
    }

    private static Map<String, Object> refused(HttpGraphQlTester staff, String mutation, Map<String, Object> input) {
        GraphQlTester.Response response = send(staff, mutation, input);
        response.path(mutation + ".repair").valueIsNull();
        return response.path(mutation + ".errors").entityList(Map.class).hasSize(1).get().get(0);
    }

    private static GraphQlTester.Response send(HttpGraphQlTester staff, String mutation, Map<String, Object> input) {
        String inputType = Character.toUpperCase(mutation.charAt(0)) + mutation.substring(1) + "Input";
        return staff.document("mutation($input: " + inputType + "!) { " + mutation + "(input: $input) { repair { "
                        + REPAIR_FIELDS + " } errors { code message field } } }")
                .variable("input", input)
                .execute();
    }

    private static List<String> search(HttpGraphQlTester staff, String arguments) {
        return staff.document("{ searchCases(" + arguments + ") { edges { node { id kind } } } }")
                .execute().path("searchCases.edges[*].node.id").entityList(String.class).get();
    }
}
