package io.careledger.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.careledger.service.support.Cases;
import io.careledger.service.support.Customers;
import io.careledger.service.support.EventCount;
import io.careledger.service.support.RawGraphQl;
import io.careledger.service.support.ServiceTest;
import io.careledger.service.support.Staff;
import io.careledger.service.support.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Store scoping: {@code agent-sh} works for store SH-001 only (account setting), token holders for the stores or
 * region in their claims. Reads and writes of another store's cases and customers are FORBIDDEN and record
 * nothing; searches answer from the staff member's stores only.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreScopingIT {
    private static final String MINE = "SH-001";
    private static final String COMPLAINT = "query($id: ID!) { complaint(id: $id) { id storeId } }";
    private static final String CUSTOMER = "query($id: ID!) { customer(id: $id) { id } }";
    private static final String ACKNOWLEDGE = "mutation($input: AcknowledgeComplaintInput!) { acknowledgeComplaint(input: $input) "
            + "{ complaint { id status } errors { code field } } }";
    private static final String SEARCH = "query($text: String, $storeId: ID) { searchCases(text: $text, storeId: $storeId) "
            + "{ totalCount edges { node { id storeId } } } }";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private final String marker = "scope" + System.nanoTime();
    private String otherStore;
    private String customerIn;
    private String customerOut;
    private String complaintIn;
    private String complaintOut;
    private String complaintEast;
    private RawGraphQl agentSh;

    @BeforeAll
    void casesInTwoStores() {
        HttpGraphQlTester supervisor = new Staff(port).supervisor();
        otherStore = Cases.newStore();
        customerIn = Customers.register(supervisor, MINE, "范围内 " + marker);
        customerOut = Customers.register(supervisor, otherStore, "范围外 " + marker);
        complaintIn = Cases.fileComplaint(supervisor, customerIn, MINE, "PRODUCT_QUALITY", marker + " in store");
        complaintOut = Cases.fileComplaint(supervisor, customerOut, otherStore, "PRODUCT_QUALITY", marker + " other store");
        String customerEast = Customers.register(supervisor, "IT-EAST-1", "东区 " + marker);
        complaintEast = Cases.fileComplaint(supervisor, customerEast, "IT-EAST-1", "PRODUCT_QUALITY", marker + " east");
        agentSh = RawGraphQl.basic(port, "agent-sh", "agent-sh-pass");
    }

    @Test
    void aScopedAgentReadsItsStoresCasesAndCustomersOnly() {
        assertThat(agentSh.query(COMPLAINT, Map.of("id", complaintIn)).classifications()).isEmpty();
        assertForbidden(agentSh.query(COMPLAINT, Map.of("id", complaintOut)));
        assertThat(agentSh.query(CUSTOMER, Map.of("id", customerIn)).classifications()).isEmpty();
        assertForbidden(agentSh.query(CUSTOMER, Map.of("id", customerOut)));
        assertForbidden(agentSh.query("query($id: ID!) { customerTimeline(customerId: $id) { totalCount } }", Map.of("id", customerOut)));
        assertForbidden(agentSh.query("query($id: ID!) { careTasks(customerId: $id) { totalCount } }", Map.of("id", customerOut)));
    }

    @Test
    void aScopedAgentCannotChangeAnotherStoresCaseAndNothingIsRecorded() {
        EventCount events = new EventCount(jdbc);
        long before = events.of(List.of(complaintOut));
        assertForbidden(agentSh.query(ACKNOWLEDGE, Map.of("input", Map.of("complaintId", complaintOut))));
        assertThat(events.of(List.of(complaintOut))).isEqualTo(before);

        long begun = events.begunOtherThanCareTasks();
        assertForbidden(agentSh.query("mutation($input: RegisterCustomerInput!) { registerCustomer(input: $input) { customer { id } } }",
                Map.of("input", Map.of("name", "越界", "phone", "13800003333", "homeStoreId", otherStore, "channel", "STORE_DESK"))));
        assertForbidden(agentSh.query("mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { complaint { id } } }",
                Map.of("input", Map.of("customerId", customerIn, "channel", "STORE_DESK", "category", "PRODUCT_QUALITY",
                        "description", "filed for another store", "storeId", otherStore))));
        assertThat(events.begunOtherThanCareTasks()).isEqualTo(begun);

        RawGraphQl.Answer own = agentSh.query(ACKNOWLEDGE, Map.of("input", Map.of("complaintId", complaintIn)));
        assertThat(own.classifications()).as(own.body()).isEmpty();
        assertThat(own.body()).contains("ACKNOWLEDGED");
    }

    @Test
    void searchesAnswerFromTheStaffMembersStoresOnly() {
        RawGraphQl supervisor = RawGraphQl.basic(port, "supervisor", "supervisor-pass");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(total(supervisor.query(SEARCH, Map.of("text", marker)))).isEqualTo(3));

        RawGraphQl.Answer scoped = agentSh.query(SEARCH, Map.of("text", marker));
        assertThat(total(scoped)).isEqualTo(1);
        assertThat(scoped.body()).contains(complaintIn).doesNotContain(complaintOut);
        assertForbidden(agentSh.query(SEARCH, Map.of("text", marker, "storeId", otherStore)));

        String customers = "query($text: String) { searchCustomers(text: $text) { totalCount edges { node { id } } } }";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(total(supervisor.query(customers, Map.of("text", marker)))).isEqualTo(3));
        RawGraphQl.Answer found = agentSh.query(customers, Map.of("text", marker));
        assertThat(found.body()).contains(customerIn).doesNotContain(customerOut);
    }

    @Test
    void tokenClaimsScopeByStoresAndByRegion() {
        RawGraphQl auditorSh = RawGraphQl.bearer(port, TestTokens.token("auditor-sh", List.of("AUDITOR"), Map.of("stores", List.of(MINE))));
        String history = "query($id: ID!) { caseHistory(caseId: $id) { type } }";
        assertThat(auditorSh.query(history, Map.of("id", complaintIn)).classifications()).isEmpty();
        assertForbidden(auditorSh.query(history, Map.of("id", complaintOut)));
        assertForbidden(auditorSh.query("query($id: ID!) { caseAsOf(caseId: $id, at: \"2030-01-01T00:00:00Z\") { eventCount } }",
                Map.of("id", complaintOut)));

        RawGraphQl agentEast = RawGraphQl.bearer(port, TestTokens.token("agent-east", List.of("AGENT"), Map.of("region", "it-east")));
        assertThat(agentEast.query(COMPLAINT, Map.of("id", complaintEast)).classifications()).isEmpty();
        assertForbidden(agentEast.query(COMPLAINT, Map.of("id", complaintIn)));
    }

    @Test
    void aScopedSupervisorCannotPlanEveryRegionsHomeVisits() {
        RawGraphQl supervisorSh = RawGraphQl.bearer(port, TestTokens.token("supervisor-sh", List.of("AGENT", "SUPERVISOR"),
                Map.of("stores", List.of(MINE))));
        assertForbidden(supervisorSh.query("mutation { planHomeVisits(input: { year: 2020 }) { careTasks { id } errors { code } } }",
                Map.of()));
    }

    private static long total(RawGraphQl.Answer answer) {
        assertThat(answer.classifications()).as(answer.body()).isEmpty();
        Map<?, ?> connection = (Map<?, ?>) answer.data().values().iterator().next();
        return ((Number) connection.get("totalCount")).longValue();
    }

    private static void assertForbidden(RawGraphQl.Answer answer) {
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.classifications()).as(answer.body()).containsExactly("FORBIDDEN");
    }
}
