package io.careledger.service.privacy;

import static io.careledger.service.support.Customers.ERRORS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.careledger.api.common.PersonalData;
import io.careledger.service.support.Cases;
import io.careledger.service.support.ServiceTest;
import io.careledger.service.support.Staff;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A customer with a file, a note, a survey comment, a complaint and a refund is erased. Then every read path shows
 * the placeholder where the person was, and the case facts (times, amounts, statuses, who acted) are what they were;
 * the same after every projection is rebuilt from the events. The stored payloads never held the person in clear.
 */
@ServiceTest
class PersonalDataErasureIT {
    private static final String ERASED = PersonalData.ERASED;
    private static final String CUSTOMER_FIELDS = "id name phone email birthday address tier points registeredAt "
            + "homeStoreId notes { category text by at }";
    private static final String TIMELINE = "query($id: ID!, $text: String) { customerTimeline(customerId: $id, "
            + "first: 100, text: $text) { totalCount edges { node { id type eventType occurredAt summary staffId "
            + "caseId amount { amount currency } } } } }";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private final String marker = UUID.randomUUID().toString().substring(0, 8).replaceAll("\\d", "x");
    private final String name = "林雪梅 Lin " + marker;
    private final String phone = "139" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    private final String email = "lin." + marker + "@example.com";
    private final String address = "上海市淮海路 99 号 " + marker;
    private final String note = "儿子叫小明 son Xiaoming " + marker;
    private final String comment = "店员很耐心 patient " + marker;
    private final String description = "蛋糕发霉 mouldy cake, call me on " + phone;

    @Test
    void afterTheErasureEveryReadPathShowsThePlaceholderAndTheFactsStayAlsoAfterEveryProjectionIsRebuilt() {
        Staff staff = new Staff(port);
        HttpGraphQlTester agent = staff.agent();
        HttpGraphQlTester admin = staff.admin();
        HttpGraphQlTester auditor = staff.auditor();
        String store = Cases.newStore();

        String customer = register(agent, store);
        customerStep(agent, "recordProfileNote", "RecordProfileNoteInput",
                Map.of("customerId", customer, "category", "FAMILY", "text", note, "requestId", "note-" + marker));
        agent.document("mutation($input: RecordSurveyResponseInput!) { recordSurveyResponse(input: $input) { "
                        + "response { id } " + ERRORS + " } }")
                .variable("input", Map.of("customerId", customer, "csat", 5, "comment", comment))
                .execute().path("recordSurveyResponse.errors").entityList(Object.class).hasSize(0);
        String complaint = Cases.fileComplaint(agent, customer, store, "FRESH_SPOILAGE", description);
        Cases.step(agent, "acknowledgeComplaint", complaint, Map.of());
        String refund = requestRefund(agent, customer, store);

        // Nothing personal in the stored payloads, only sealed values; the customer has a key.
        assertThat(storedPayloads(customer, complaint, refund)).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(payload -> assertThat(payload).doesNotContain(name, marker, phone, email, "淮海路",
                        "小明", "1988-02-29", "蛋糕发霉"));
        assertThat(storedPayloads(customer)).anySatisfy(payload -> assertThat(payload).contains("\"name\":\"pd1:"));
        // The commands kept with their request ids are sealed the same way.
        assertThat(keptCommands("register-" + marker, "note-" + marker)).hasSize(2)
                .allSatisfy(command -> assertThat(command).contains("pd1:").doesNotContain(name, marker, phone, email,
                        "淮海路", "小明", "1988-02-29"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer_key WHERE customer_id = ? "
                + "AND key_material IS NOT NULL", Integer.class, customer)).isEqualTo(1);

        // Every projection has the person before the erasure; the facts are recorded for comparison.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(searchCustomers(agent, "text: \"" + marker + "\"")).containsExactly(customer);
            assertThat(timeline(agent, customer, null)).extracting(entry -> entry.get("eventType"))
                    .contains("customer.registered", "customer.note-recorded", "complaint.filed",
                            "complaint.acknowledged", "refund.requested");
            assertThat(complaintView(agent, complaint)).containsEntry("description", description)
                    .containsEntry("status", "ACKNOWLEDGED");
            assertThat(refundView(agent, refund)).isNotNull();
        });
        Map<String, Object> registeredFile = customerView(agent, customer);
        assertThat(registeredFile).containsEntry("name", name).containsEntry("phone", phone);
        Map<String, Map<String, Object>> factsBefore = facts(timeline(agent, customer, null));
        Map<String, Object> complaintBefore = complaintView(agent, complaint);
        Map<String, Object> refundBefore = refundView(agent, refund);
        List<Map> historyBefore = Cases.history(auditor, complaint);

        // Only an administrator erases, with a reason.
        agent.document(eraseDocument()).variable("input", Map.of("customerId", customer, "reason", "x"))
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        assertThat(erasureErrors(admin, customer, " ")).singleElement()
                .satisfies(error -> assertThat(error).containsEntry("code", "INVALID_INPUT").containsEntry("field", "reason"));

        Map<String, Object> erased = erase(admin, customer, "request DSR-42")
                .path("eraseCustomerPersonalData.errors").entityList(Object.class).hasSize(0)
                .path("eraseCustomerPersonalData.customer").entity(Map.class).get();
        assertPlaceholders(erased, registeredFile);

        // A second erasure, and anything personal written afterwards, is refused with a typed error.
        assertThat(erasureErrors(admin, customer, "again")).singleElement()
                .satisfies(error -> assertThat(error).containsEntry("code", "PERSONAL_DATA_ERASED"));
        assertThat(refusedCustomerStep(agent, "updateCustomerProfile", "UpdateCustomerProfileInput",
                Map.of("customerId", customer, "name", "New Name"))).containsEntry("code", "PERSONAL_DATA_ERASED");
        assertThat(refusedCustomerStep(agent, "recordProfileNote", "RecordProfileNoteInput",
                Map.of("customerId", customer, "category", "STYLE", "text", "likes blue")))
                .containsEntry("code", "PERSONAL_DATA_ERASED");
        assertThat(agent.document("mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { "
                        + "complaint { id } " + ERRORS + " } }")
                .variable("input", Map.of("customerId", customer, "channel", "STORE_DESK", "category",
                        "FRESH_SPOILAGE", "description", "again", "storeId", store))
                .execute().path("fileComplaint.errors").entityList(Map.class).get())
                .singleElement().satisfies(error -> assertThat(error).containsEntry("code", "PERSONAL_DATA_ERASED"));
        // A retried registration still answers its first result, now with the placeholders.
        assertThat(register(agent, store)).isEqualTo(customer);
        // Facts about the customer are still recorded.
        customerStep(agent, "tagCustomer", "TagCustomerInput", Map.of("customerId", customer, "tag", "kept-after-erasure"));

        assertThat(storedPayloads(customer, complaint, refund)).allSatisfy(payload ->
                assertThat(payload).doesNotContain(name, phone, email, "小明", "蛋糕发霉"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer_key WHERE customer_id = ? "
                + "AND key_material IS NULL AND erased_at IS NOT NULL", Integer.class, customer)).isEqualTo(1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertErasedEverywhere(agent, auditor, store, customer, complaint, refund, registeredFile, factsBefore,
                        complaintBefore, refundBefore, historyBefore));

        for (String projection : List.of("CUSTOMERS", "TIMELINE", "CASES", "CARE_TASKS")) {
            rebuild(admin, projection);
        }
        assertErasedEverywhere(agent, auditor, store, customer, complaint, refund, registeredFile, factsBefore,
                complaintBefore, refundBefore, historyBefore);
    }

    private void assertErasedEverywhere(HttpGraphQlTester agent, HttpGraphQlTester auditor, String store,
                                        String customer, String complaint, String refund,
                                        Map<String, Object> registeredFile, Map<String, Map<String, Object>> factsBefore,
                                        Map<String, Object> complaintBefore, Map<String, Object> refundBefore,
                                        List<Map> historyBefore) {
        // The file, replayed from the store and from the read model.
        assertPlaceholders(customerView(agent, customer), registeredFile);
        List<Map> listed = agent.document("query($store: ID) { searchCustomers(storeId: $store) { edges { node { "
                        + CUSTOMER_FIELDS + " } } } }").variable("store", store)
                .execute().path("searchCustomers.edges[*].node").entityList(Map.class).get();
        assertThat(listed).singleElement().satisfies(file -> assertPlaceholders(file, registeredFile));
        // The old name, phone, e-mail or note find nobody.
        for (String text : List.of(marker, name, phone, phone.substring(phone.length() - 4), email, "小明")) {
            assertThat(searchCustomers(agent, "text: \"" + text + "\"")).as(text).doesNotContain(customer);
        }

        // The timeline: every entry where it was, from the same event, at the same time, by the same hands.
        List<Map> entries = timeline(agent, customer, null);
        assertThat(entries).allSatisfy(entry -> assertThat((String) entry.get("summary"))
                .doesNotContain(name, marker.substring(0, 6), phone, email, "小明", "淮海路", "蛋糕发霉", "patient"));
        assertThat(facts(entries)).containsAllEntriesOf(factsBefore);
        assertThat(entries).extracting(entry -> entry.get("eventType")).contains("customer.personal-data-erased");
        assertThat(entries).filteredOn(entry -> "customer.registered".equals(entry.get("eventType")))
                .singleElement().satisfies(entry -> assertThat((String) entry.get("summary")).startsWith(
                        "Registered " + ERASED + " via STORE_DESK"));
        assertThat(entries).filteredOn(entry -> "customer.note-recorded".equals(entry.get("eventType")))
                .singleElement().satisfies(entry -> assertThat(entry).containsEntry("summary", "Note (FAMILY): " + ERASED));
        assertThat(timeline(agent, customer, "小明")).isEmpty();
        assertThat(timeline(agent, customer, "mouldy")).isEmpty();

        // The complaint: its description is gone, everything else is as it was.
        Map<String, Object> complaintNow = complaintView(agent, complaint);
        assertThat(complaintNow).containsEntry("description", ERASED);
        assertThat(without(complaintNow, "description")).isEqualTo(without(complaintBefore, "description"));
        assertThat(agent.document("query($store: ID) { searchCases(storeId: $store, kind: COMPLAINT) { edges { node { "
                        + "id ... on Complaint { description status } } } } }").variable("store", store)
                .execute().path("searchCases.edges[*].node").entityList(Map.class).get())
                .singleElement().satisfies(found -> assertThat(found).containsEntry("description", ERASED)
                        .containsEntry("status", "ACKNOWLEDGED"));
        assertThat(agent.document("query($store: ID) { searchCases(storeId: $store, text: \"mouldy\") { edges { "
                        + "node { id } } } }").variable("store", store)
                .execute().path("searchCases.edges").entityList(Object.class).get()).isEmpty();

        // The refund held nothing personal: unchanged.
        assertThat(refundView(agent, refund)).isEqualTo(refundBefore);

        // The audit trail: the same events by the same actors at the same times; the description as the placeholder.
        List<Map> history = Cases.history(auditor, complaint);
        assertThat(history).extracting(e -> e.get("eventId"), e -> e.get("type"), e -> e.get("actor"),
                        e -> e.get("occurredAt"))
                .containsExactlyElementsOf(historyBefore.stream().map(e -> org.assertj.core.groups.Tuple.tuple(
                        e.get("eventId"), e.get("type"), e.get("actor"), e.get("occurredAt"))).toList());
        assertThat((String) history.get(0).get("payload")).contains("\"description\":\"" + ERASED + "\"")
                .doesNotContain("蛋糕发霉", phone, "pd1:");
        Map<String, Object> asOf = auditor.document("query($id: ID!, $at: DateTime!) { caseAsOf(caseId: $id, at: $at) { "
                        + "eventCount case { id ... on Complaint { status description filedBy } } } }")
                .variable("id", complaint).variable("at", Instant.now().plus(Duration.ofDays(3650)).toString())
                .execute().path("caseAsOf").entity(Map.class).get();
        assertThat(asOf).containsEntry("eventCount", 2);
        assertThat((Map<String, Object>) asOf.get("case")).containsEntry("description", ERASED)
                .containsEntry("status", "ACKNOWLEDGED").containsEntry("filedBy", "agent");
        // And the refund's history is whole.
        assertThat(Cases.history(auditor, refund)).extracting(e -> e.get("type")).contains("refund.requested");
    }

    private static void assertPlaceholders(Map<String, Object> file, Map<String, Object> registered) {
        assertThat(file).containsEntry("name", ERASED).containsEntry("phone", ERASED).containsEntry("email", ERASED)
                .containsEntry("address", ERASED).containsEntry("birthday", null)
                .containsEntry("tier", registered.get("tier")).containsEntry("registeredAt", registered.get("registeredAt"))
                .containsEntry("homeStoreId", registered.get("homeStoreId"));
        assertThat((List<Map<String, Object>>) file.get("notes")).singleElement().satisfies(note ->
                assertThat(note).containsEntry("text", ERASED).containsEntry("category", "FAMILY")
                        .containsEntry("by", "agent"));
    }

    /** What an entry records besides its words: type, time, who acted, case and amount; by entry id. */
    private static Map<String, Map<String, Object>> facts(List<Map> entries) {
        return entries.stream().collect(Collectors.toMap(entry -> (String) entry.get("id"),
                entry -> without(entry, "summary")));
    }

    private static Map<String, Object> without(Map<?, ?> map, String key) {
        Map<String, Object> copy = new HashMap<>();
        map.forEach((k, v) -> copy.put((String) k, v));
        copy.remove(key);
        return copy;
    }

    private List<String> storedPayloads(String... aggregates) {
        return jdbc.query("SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier IN ("
                        + String.join(",", java.util.Collections.nCopies(aggregates.length, "?")) + ")",
                (row, n) -> new String(row.getBytes(1), StandardCharsets.UTF_8), (Object[]) aggregates);
    }

    private List<String> keptCommands(String... requestIds) {
        return jdbc.query("SELECT command FROM mutation_request WHERE actor = 'agent' AND request_id IN ("
                        + String.join(",", java.util.Collections.nCopies(requestIds.length, "?")) + ")",
                (row, n) -> new String(row.getBytes(1), StandardCharsets.UTF_8), (Object[]) requestIds);
    }

    private String register(HttpGraphQlTester agent, String store) {
        Map<String, Object> input = new HashMap<>();
        input.put("requestId", "register-" + marker);
        input.put("name", name);
        input.put("phone", phone);
        input.put("email", email);
        input.put("birthday", "1988-02-29");
        input.put("address", address);
        input.put("homeStoreId", store);
        input.put("channel", "STORE_DESK");
        input.put("consents", List.of("DATA_PROCESSING"));
        return agent.document("mutation($input: RegisterCustomerInput!) { registerCustomer(input: $input) { "
                        + "customer { id } " + ERRORS + " } }")
                .variable("input", input).execute()
                .path("registerCustomer.errors").entityList(Object.class).hasSize(0)
                .path("registerCustomer.customer.id").entity(String.class).get();
    }

    private static String requestRefund(HttpGraphQlTester agent, String customer, String store) {
        Map<String, Object> input = Map.of("customerId", customer, "storeId", store, "reason", "QUALITY",
                "method", "STORE_DESK", "hasReceipt", true, "hasOriginalPackaging", true,
                "lines", List.of(Map.of("sku", "CAKE-1", "category", "BAKERY", "quantity", 1,
                        "unitPrice", Map.of("amount", "38.00", "currency", "CNY"))));
        return agent.document("mutation($input: RequestRefundInput!) { requestRefund(input: $input) { refund { id } "
                        + ERRORS + " } }")
                .variable("input", input).execute()
                .path("requestRefund.errors").entityList(Object.class).hasSize(0)
                .path("requestRefund.refund.id").entity(String.class).get();
    }

    private static void customerStep(HttpGraphQlTester staff, String mutation, String inputType,
                                     Map<String, Object> input) {
        staff.document("mutation($input: " + inputType + "!) { " + mutation + "(input: $input) { customer { id } "
                        + ERRORS + " } }")
                .variable("input", input).execute().path(mutation + ".errors").entityList(Object.class).hasSize(0);
    }

    private static Map<String, Object> refusedCustomerStep(HttpGraphQlTester staff, String mutation, String inputType,
                                                           Map<String, Object> input) {
        GraphQlTester.Response response = staff.document("mutation($input: " + inputType + "!) { " + mutation
                        + "(input: $input) { customer { id } " + ERRORS + " } }").variable("input", input).execute();
        response.path(mutation + ".customer").valueIsNull();
        return response.path(mutation + ".errors").entityList(Map.class).hasSize(1).get().get(0);
    }

    private static String eraseDocument() {
        return "mutation($input: EraseCustomerPersonalDataInput!) { eraseCustomerPersonalData(input: $input) { "
                + "customer { " + CUSTOMER_FIELDS + " } " + ERRORS + " } }";
    }

    private static GraphQlTester.Response erase(HttpGraphQlTester staff, String customer, String reason) {
        return staff.document(eraseDocument()).variable("input", Map.of("customerId", customer, "reason", reason))
                .execute();
    }

    private static List<Map> erasureErrors(HttpGraphQlTester admin, String customer, String reason) {
        GraphQlTester.Response response = erase(admin, customer, reason);
        response.path("eraseCustomerPersonalData.customer").valueIsNull();
        return response.path("eraseCustomerPersonalData.errors").entityList(Map.class).get();
    }

    private static Map<String, Object> customerView(HttpGraphQlTester staff, String customer) {
        return staff.document("query($id: ID!) { customer(id: $id) { " + CUSTOMER_FIELDS + " } }")
                .variable("id", customer).execute().path("customer").entity(Map.class).get();
    }

    private static List<String> searchCustomers(HttpGraphQlTester staff, String arguments) {
        return staff.document("{ searchCustomers(" + arguments + ", first: 50) { edges { node { id } } } }")
                .execute().path("searchCustomers.edges[*].node.id").entityList(String.class).get();
    }

    private static List<Map> timeline(HttpGraphQlTester staff, String customer, String text) {
        return staff.document(TIMELINE).variable("id", customer).variable("text", text)
                .execute().path("customerTimeline.edges[*].node").entityList(Map.class).get();
    }

    private static Map<String, Object> complaintView(HttpGraphQlTester staff, String complaint) {
        return staff.document("query($id: ID!) { complaint(id: $id) { " + Cases.COMPLAINT_FIELDS + " transcript } }")
                .variable("id", complaint).execute().path("complaint").entity(Map.class).get();
    }

    private static Map<String, Object> refundView(HttpGraphQlTester staff, String refund) {
        return staff.document("query($id: ID!) { refund(id: $id) { id status customerId openedAt updatedAt version "
                        + "amount { amount currency } approvedAmount { amount currency } requestedBy reason "
                        + "decision { rule automatic } } }")
                .variable("id", refund).execute().path("refund").entity(Map.class).get();
    }

    private static void rebuild(HttpGraphQlTester admin, String projection) {
        Map<String, Object> started = admin.document("mutation($p: ProjectionName!) { rebuildProjection(projection: $p) "
                        + "{ phase index } }").variable("p", projection)
                .execute().path("rebuildProjection").entity(Map.class).get();
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(admin.document(
                        "query($p: ProjectionName!) { projectionRebuild(projection: $p) { phase index percent } }")
                .variable("p", projection).execute().path("projectionRebuild").entity(Map.class).get())
                .containsEntry("phase", "COMPLETED").containsEntry("index", started.get("index")));
    }
}
