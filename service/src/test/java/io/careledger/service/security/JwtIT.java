package io.careledger.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.careledger.service.support.Cases;
import io.careledger.service.support.RawGraphQl;
import io.careledger.service.support.ServiceTest;
import io.careledger.service.support.TestTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The resource-server mode: bearer tokens signed by the configured key, from the configured issuer, unexpired, with
 * roles from the {@code roles} claim and the staff id from {@code sub}.
 */
@ServiceTest
class JwtIT {
    private static final String REGISTER = "mutation($input: RegisterCustomerInput!) { registerCustomer(input: $input) "
            + "{ customer { id } errors { code } } }";
    private static final String HISTORY = "query($id: ID!) { caseHistory(caseId: $id) { actor } }";

    @LocalServerPort
    int port;

    @Test
    void aValidTokenSignsTheStaffMemberInAndTheirIdIsRecordedAsActor() {
        RawGraphQl agent = RawGraphQl.bearer(port, TestTokens.token("jwt-agent-7", List.of("AGENT"), Map.of()));
        String store = Cases.newStore();
        RawGraphQl.Answer registered = agent.query(REGISTER, Map.of("input", Map.of("name", "令牌", "phone", "13800004444",
                "homeStoreId", store, "channel", "APP")));
        assertThat(registered.errors()).as(registered.body()).isEmpty();
        String customer = (String) ((Map<?, ?>) ((Map<?, ?>) registered.data().get("registerCustomer")).get("customer")).get("id");

        RawGraphQl.Answer filed = agent.query("mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { complaint { id } } }",
                Map.of("input", Map.of("customerId", customer, "channel", "APP", "category", "DELIVERY", "description", "late",
                        "storeId", store)));
        String complaint = (String) ((Map<?, ?>) ((Map<?, ?>) filed.data().get("fileComplaint")).get("complaint")).get("id");

        RawGraphQl auditor = RawGraphQl.bearer(port, TestTokens.token("jwt-auditor", List.of("ROLE_AUDITOR"), Map.of()));
        assertThat(auditor.query(HISTORY, Map.of("id", complaint)).body()).contains("\"actor\":\"jwt-agent-7\"");
    }

    @Test
    void expiredForgedOrForeignTokensAre401() {
        for (String token : List.of(TestTokens.expired("jwt-agent", List.of("AGENT")),
                TestTokens.signedByAnotherKey("jwt-agent", List.of("AGENT")),
                TestTokens.fromAnotherIssuer("jwt-agent", List.of("AGENT")),
                "not.a.token")) {
            RawGraphQl.Answer answer = RawGraphQl.bearer(port, token).query("{ __typename }", Map.of());
            assertThat(answer.status()).as(token).isEqualTo(401);
            assertThat(answer.body()).doesNotContain("Exception");
        }
    }

    @Test
    void rolesFromTheClaimEnforceTheMatrix() {
        RawGraphQl auditor = RawGraphQl.bearer(port, TestTokens.token("jwt-auditor-2", List.of("AUDITOR"), Map.of()));
        assertThat(auditor.query(REGISTER, Map.of("input", Map.of("name", "x", "phone", "13800005555",
                "homeStoreId", Cases.newStore(), "channel", "APP"))).classifications()).containsExactly("FORBIDDEN");
        assertThat(auditor.query("{ searchCases(first: 1) { totalCount } }", Map.of()).classifications()).isEmpty();

        RawGraphQl nobody = RawGraphQl.bearer(port, TestTokens.token("jwt-nobody", List.of("JANITOR"), Map.of()));
        assertThat(nobody.query("{ searchCases(first: 1) { totalCount } }", Map.of()).classifications()).containsExactly("FORBIDDEN");
    }
}
