package io.careledger.service.complaint;

import static io.careledger.service.support.Cases.refused;
import static io.careledger.service.support.Cases.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.careledger.service.support.Cases;
import io.careledger.service.support.ServiceTest;
import io.careledger.service.support.Staff;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;

/**
 * What the service refuses, and that a refusal is a typed answer that changes nothing: no 500, no stack
 * trace, no event appended.
 */
@ServiceTest
class ComplaintRulesIT {
    @LocalServerPort
    int port;
    Staff staff;
    HttpGraphQlTester agent;
    String store;
    String customer;

    @BeforeEach
    void setUp() {
        staff = new Staff(port);
        agent = staff.agent();
        store = Cases.newStore();
        customer = Cases.registerCustomer(agent, store);
    }

    @Test
    void fileComplaintRefusesBadInputWithTheFieldAtFault() {
        assertThat(fileRefused(Map.of("customerId", "no-such-customer", "description", "价格不对")))
                .containsEntry("code", "NOT_FOUND").containsEntry("field", "customerId");
        assertThat(fileRefused(Map.of("customerId", "not an id!", "description", "价格不对")))
                .containsEntry("code", "INVALID_INPUT").containsEntry("field", "customerId");
        assertThat(fileRefused(Map.of("customerId", customer, "description", "   ")))
                .containsEntry("code", "INVALID_INPUT").containsEntry("field", "description");
        assertThat(fileRefused(Map.of("customerId", customer, "description", "x".repeat(4001))))
                .containsEntry("code", "INVALID_INPUT").containsEntry("field", "description");
    }

    @Test
    void stepsOutOfOrderAreRefusedAndRecordNothing() {
        String complaint = Cases.fileComplaint(agent, customer, store, "PRICE_DISPUTE", "标价与收银价格不一致");

        assertThat(refused(agent, "acceptResolution", complaint, Map.of())).containsEntry("code", "INVALID_TRANSITION");
        assertThat(refused(agent, "closeComplaint", complaint, Map.of())).containsEntry("code", "INVALID_TRANSITION");
        assertThat(refused(agent, "logComplaintContact", complaint, Map.of("kind", "NOTE", "summary", "called")))
                .containsEntry("code", "INVALID_TRANSITION");
        assertThat(Cases.history(staff.auditor(), complaint)).hasSize(1);

        step(agent, "acknowledgeComplaint", complaint, Map.of());
        assertThat(refused(staff.supervisor(), "acknowledgeComplaint", complaint, Map.of()))
                .as("the first responder owns the complaint for good").containsEntry("code", "INVALID_TRANSITION");
        assertThat(refused(agent, "proposeResolution", complaint, Map.of("resolution", "退差价",
                "compensation", List.of(Map.of("kind", "REFUND", "amount", Map.of("amount", "12.345", "currency", "CNY"))))))
                .containsEntry("code", "INVALID_INPUT").containsEntry("field", "amount");
        assertThat(refused(agent, "proposeResolution", complaint, Map.of("resolution", "退差价",
                "compensation", List.of(Map.of("kind", "REFUND", "amount", Map.of("amount", "12", "currency", "RMBX"))))))
                .containsEntry("code", "INVALID_INPUT").containsEntry("field", "currency");
        assertThat(refused(agent, "acknowledgeComplaint", "no-such-complaint", Map.of())).containsEntry("code", "NOT_FOUND");
        assertThat(refused(agent, "acknowledgeComplaint", "bad id!", Map.of()))
                .containsEntry("code", "INVALID_INPUT").containsEntry("field", "complaintId");
        assertThat(Cases.history(staff.auditor(), complaint)).hasSize(2);
    }

    @Test
    void aRejectedProposalGoesBackToWorkAndCostsFirstContactResolution() {
        String complaint = Cases.fileComplaint(agent, customer, store, "WRONG_ITEM", "收到的商品型号不对");
        step(agent, "acknowledgeComplaint", complaint, Map.of());
        step(agent, "proposeResolution", complaint, Map.of("resolution", "换货"));
        assertThat(step(agent, "rejectResolution", complaint, Map.of("note", "顾客要求退款")))
                .containsEntry("status", "IN_PROGRESS").containsEntry("rejectedResolutions", 1);
        step(agent, "proposeResolution", complaint, Map.of("resolution", "退款"));
        assertThat(step(agent, "acceptResolution", complaint, Map.of()))
                .containsEntry("status", "RESOLVED").containsEntry("firstContactResolution", false);
        assertThat(refused(agent, "recordComplaintFollowUp", complaint, Map.of("satisfaction", 6)))
                .containsEntry("code", "INVALID_INPUT").containsEntry("field", "satisfaction");
        assertThat(refused(agent, "recordComplaintFollowUp", complaint, Map.of("satisfaction", 0)))
                .containsEntry("code", "INVALID_INPUT").containsEntry("field", "satisfaction");
    }

    @Test
    void onlySupervisorsEscalateByHandAndReopen() {
        String complaint = Cases.fileComplaint(agent, customer, store, "STAFF_ATTITUDE", "店员态度恶劣");
        assertForbidden(Cases.send(agent, "escalateComplaint", complaint, Map.of("reason", "angry customer")));
        assertThat(refused(staff.supervisor(), "escalateComplaint", complaint, Map.of("reason", " ")))
                .containsEntry("code", "INVALID_INPUT").containsEntry("field", "reason");

        assertThat(step(staff.supervisor(), "escalateComplaint", complaint, Map.of("reason", "顾客情绪激动")))
                .containsEntry("severity", "LEVEL_3").containsEntry("department", "HEAD_OFFICE_AFTER_SALES")
                .containsEntry("escalationCount", 1);
        assertThat(refused(staff.supervisor(), "escalateComplaint", complaint, Map.of("reason", "again")))
                .containsEntry("code", "ALREADY_AT_HIGHEST_LEVEL");

        step(agent, "acknowledgeComplaint", complaint, Map.of());
        assertThat(refused(staff.supervisor(), "reopenComplaint", complaint, Map.of("reason", "not closed yet")))
                .containsEntry("code", "INVALID_TRANSITION");
        step(agent, "proposeResolution", complaint, Map.of("resolution", "店长当面道歉"));
        step(agent, "acceptResolution", complaint, Map.of());
        step(agent, "closeComplaint", complaint, Map.of());
        assertForbidden(Cases.send(agent, "reopenComplaint", complaint, Map.of("reason", "customer called back")));
        assertThat(step(staff.supervisor(), "reopenComplaint", complaint, Map.of("reason", "顾客再次来电")))
                .containsEntry("status", "REOPENED").containsEntry("owner", "agent").containsEntry("reopenCount", 1);
    }

    @Test
    void rolesGuardReadingAndWriting() {
        String complaint = Cases.fileComplaint(agent, customer, store, "DELIVERY", "配送延误三天");
        assertForbidden(agent.document("query($id: ID!) { caseHistory(caseId: $id) { sequence } }")
                             .variable("id", complaint).execute());
        assertForbidden(Cases.send(staff.auditor(), "acknowledgeComplaint", complaint, Map.of()));
        assertForbidden(agent.document("mutation { rebuildCaseProjection { phase } }").execute());
        assertThat(Cases.history(staff.supervisor(), complaint)).hasSize(1);
    }

    @Test
    void strangersAreTurnedAwayWithoutABody() {
        String query = "{\"query\":\"{ complaint(id: \\\"x\\\") { id } }\"}";
        staff.anonymous().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(query).exchange()
             .expectStatus().isUnauthorized();
        staff.anonymous().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(query)
             .headers(h -> h.setBasicAuth("agent", "wrong")).exchange()
             .expectStatus().isUnauthorized();
    }

    @Test
    void malformedQueriesGetCleanErrors() {
        agent.document("{ searchCases(first: 500) { totalCount } }").execute()
             .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                 assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                 assertThat(e.getMessage()).contains("first");
             }));
        agent.document("{ searchCases(status: NO_SUCH_STATUS) { totalCount } }").execute()
             .errors().satisfy(errors -> assertThat(errors).isNotEmpty()
                     .allSatisfy(e -> assertThat(e.getMessage()).doesNotContain("Exception", "at io.")));
        agent.document("{ complaint(id: \"bad id!\") { id } }").execute()
             .errors().satisfy(errors -> assertThat(errors).singleElement()
                     .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
    }

    private Map<String, Object> fileRefused(Map<String, Object> fields) {
        var input = new java.util.HashMap<String, Object>(Map.of("channel", "HOTLINE", "category", "PRICE_DISPUTE",
                "storeId", store));
        input.putAll(fields);
        GraphQlTester.Response response = agent.document("""
                        mutation($input: FileComplaintInput!) {
                          fileComplaint(input: $input) { complaint { id } errors { code message field } }
                        }""")
                .variable("input", input)
                .execute();
        response.path("fileComplaint.complaint").valueIsNull();
        return response.path("fileComplaint.errors").entityList(Map.class).hasSize(1).get().get(0);
    }

    private static void assertForbidden(GraphQlTester.Response response) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
    }
}
