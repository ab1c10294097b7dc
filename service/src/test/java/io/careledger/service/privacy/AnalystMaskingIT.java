package io.careledger.service.privacy;

import static io.careledger.service.support.Customers.ERRORS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.careledger.service.support.Cases;
import io.careledger.service.support.ServiceTest;
import io.careledger.service.support.Staff;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import reactor.core.Disposable;

/**
 * ANALYST reads customers, cases and timelines with every personal field masked, on every read path (queries,
 * search results, the live timeline), may not search by text, and may not read the audit trail. Staff reading the
 * same data see it in clear.
 */
@ServiceTest
class AnalystMaskingIT {
    private static final String CUSTOMER_FIELDS = "id name phone email birthday address tier homeStoreId "
            + "notes { category text by }";

    @LocalServerPort
    int port;

    private final String marker = UUID.randomUUID().toString().substring(0, 8).replaceAll("\\d", "y");
    private final String phone = "137" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    private final String name = "王芳" + marker;
    private final String email = "wang." + marker + "@example.com";
    private final String description = "面包过期 stale bread " + marker;

    @Test
    void analystsSeeFactsButEveryPersonalFieldMaskedOnEveryReadPath() {
        Staff staff = new Staff(port);
        HttpGraphQlTester agent = staff.agent();
        HttpGraphQlTester analyst = staff.analyst();
        String store = Cases.newStore();
        String customer = register(agent, store);
        agent.document("mutation($input: RecordProfileNoteInput!) { recordProfileNote(input: $input) { customer { id } "
                        + ERRORS + " } }")
                .variable("input", Map.of("customerId", customer, "category", "FAMILY", "text", "两个孩子 " + marker))
                .execute().path("recordProfileNote.errors").entityList(Object.class).hasSize(0);
        String complaint = Cases.fileComplaint(agent, customer, store, "FRESH_SPOILAGE", description);
        Cases.step(agent, "acknowledgeComplaint", complaint, Map.of());

        List<Map> live = new CopyOnWriteArrayList<>();
        List<Map> liveForStaff = new CopyOnWriteArrayList<>();
        Disposable analystWatch = watch(staff, "analyst", "analyst-pass", customer, live);
        Disposable agentWatch = watch(staff, "agent", "agent-pass", customer, liveForStaff);
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(analyst.document("query($s: ID) { searchCustomers(storeId: $s) { edges { node { "
                                + CUSTOMER_FIELDS + " } } } }").variable("s", store)
                        .execute().path("searchCustomers.edges[*].node").entityList(Map.class).get())
                        .singleElement().satisfies(this::isMasked);
                assertThat(timeline(analyst, customer)).extracting(e -> e.get("eventType"))
                        .contains("customer.registered", "customer.note-recorded", "complaint.filed",
                                "complaint.acknowledged");
                assertThat(complaint(analyst, complaint)).isNotNull();
            });

            // The file as the store has it: masked for the analyst, clear for staff.
            isMasked(analyst.document("query($id: ID!) { customer(id: $id) { " + CUSTOMER_FIELDS + " } }")
                    .variable("id", customer).execute().path("customer").entity(Map.class).get());
            assertThat(agent.document("query($id: ID!) { customer(id: $id) { name phone email address } }")
                    .variable("id", customer).execute().path("customer").entity(Map.class).get())
                    .containsEntry("name", name).containsEntry("phone", phone).containsEntry("email", email);

            // Timeline: entries that quote the person are hidden, the others stay readable.
            for (Map entry : timeline(analyst, customer)) {
                String type = (String) entry.get("eventType");
                if (List.of("customer.registered", "customer.note-recorded", "complaint.filed").contains(type)) {
                    assertThat(entry).as(type).containsEntry("summary", Masking.HIDDEN);
                } else {
                    assertThat((String) entry.get("summary")).as(type).isNotEqualTo(Masking.HIDDEN)
                            .doesNotContain(name, phone, marker);
                }
            }
            assertThat(timeline(agent, customer)).anySatisfy(entry ->
                    assertThat((String) entry.get("summary")).contains(description));

            // Cases: the description is hidden, the facts are not.
            Map<String, Object> seen = complaint(analyst, complaint);
            assertThat(seen).containsEntry("description", Masking.HIDDEN).containsEntry("status", "ACKNOWLEDGED")
                    .containsEntry("customerId", customer).containsEntry("filedBy", "agent");
            // Search sees the case once the index refreshes (a read by id sees it at once).
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(analyst.document(
                            "query($s: ID) { searchCases(storeId: $s) { edges { node { id "
                            + "... on Complaint { description severity } } } } }").variable("s", store)
                    .execute().path("searchCases.edges[*].node").entityList(Map.class).get())
                    .singleElement().satisfies(found -> assertThat(found).containsEntry("description", Masking.HIDDEN)
                            .containsKey("severity")));

            // Searching by text could find the person by their number or words: refused, typed.
            for (String search : List.of(
                    "{ searchCustomers(text: \"" + phone + "\") { totalCount } }",
                    "{ searchCases(text: \"stale\") { totalCount } }",
                    "{ customerTimeline(customerId: \"" + customer + "\", text: \"" + marker + "\") { totalCount } }")) {
                analyst.document(search).execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> {
                            assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                            assertThat(error.getExtensions()).containsEntry("argument", "text");
                        }));
            }
            assertThat(agent.document("{ searchCustomers(text: \"" + phone + "\") { edges { node { id } } } }")
                    .execute().path("searchCustomers.edges[*].node.id").entityList(String.class).get())
                    .containsExactly(customer);

            // The audit trail shows whole payloads: not for analysts. Nor is any change.
            analyst.document("query($id: ID!) { caseHistory(caseId: $id) { type } }").variable("id", complaint)
                    .execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                            .satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("FORBIDDEN")));
            analyst.document("mutation($input: RecordProfileNoteInput!) { recordProfileNote(input: $input) { "
                            + "customer { id } } }")
                    .variable("input", Map.of("customerId", customer, "category", "STYLE", "text", "x"))
                    .execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                            .satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("FORBIDDEN")));

            // Live: a new note reaches the analyst hidden and staff in clear.
            agent.document("mutation($input: RecordProfileNoteInput!) { recordProfileNote(input: $input) { "
                            + "customer { id } " + ERRORS + " } }")
                    .variable("input", Map.of("customerId", customer, "category", "STYLE", "text", "喜欢蓝色 " + marker))
                    .execute().path("recordProfileNote.errors").entityList(Object.class).hasSize(0);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(live).anySatisfy(entry -> assertThat(entry)
                        .containsEntry("eventType", "customer.note-recorded")
                        .containsEntry("summary", Masking.HIDDEN));
                assertThat(liveForStaff).anySatisfy(entry -> assertThat((String) entry.get("summary"))
                        .contains("喜欢蓝色 " + marker));
            });
            assertThat(live).allSatisfy(entry -> assertThat((String) entry.get("summary")).doesNotContain(marker));
        } finally {
            analystWatch.dispose();
            agentWatch.dispose();
        }
    }

    private void isMasked(Map<String, Object> file) {
        assertThat(file).containsEntry("name", "王*")
                .containsEntry("phone", phone.substring(0, 3) + "****" + phone.substring(7))
                .containsEntry("email", "w***@example.com")
                .containsEntry("birthday", null)
                .containsEntry("address", Masking.HIDDEN)
                .containsEntry("tier", "MEMBER");
        assertThat((List<Map<String, Object>>) file.get("notes")).singleElement()
                .satisfies(note -> assertThat(note).containsEntry("text", Masking.HIDDEN)
                        .containsEntry("category", "FAMILY").containsEntry("by", "agent"));
    }

    private static Disposable watch(Staff staff, String user, String password, String customer, List<Map> into) {
        return staff.webSocket(user, password)
                .document("subscription($id: ID!) { customerTimeline(customerId: $id) { eventType summary } }")
                .variable("id", customer)
                .executeSubscription()
                .toFlux("customerTimeline", Map.class)
                .subscribe(into::add);
    }

    private String register(HttpGraphQlTester agent, String store) {
        Map<String, Object> input = new HashMap<>();
        input.put("name", name);
        input.put("phone", phone);
        input.put("email", email);
        input.put("birthday", "1992-07-01");
        input.put("address", "北京市朝阳区 " + marker);
        input.put("homeStoreId", store);
        input.put("channel", "STORE_DESK");
        return agent.document("mutation($input: RegisterCustomerInput!) { registerCustomer(input: $input) { "
                        + "customer { id } " + ERRORS + " } }")
                .variable("input", input).execute()
                .path("registerCustomer.errors").entityList(Object.class).hasSize(0)
                .path("registerCustomer.customer.id").entity(String.class).get();
    }

    private static List<Map> timeline(HttpGraphQlTester staff, String customer) {
        return staff.document("query($id: ID!) { customerTimeline(customerId: $id, first: 50) { edges { node { "
                        + "eventType summary staffId occurredAt } } } }")
                .variable("id", customer).execute().path("customerTimeline.edges[*].node").entityList(Map.class).get();
    }

    private static Map<String, Object> complaint(HttpGraphQlTester staff, String complaint) {
        return staff.document("query($id: ID!) { complaint(id: $id) { id description transcript status customerId "
                        + "filedBy severity } }")
                .variable("id", complaint).execute().path("complaint").entity(Map.class).get();
    }
}
