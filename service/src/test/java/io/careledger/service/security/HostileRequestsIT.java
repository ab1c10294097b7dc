package io.careledger.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.careledger.service.support.Cases;
import io.careledger.service.support.Customers;
import io.careledger.service.support.RawGraphQl;
import io.careledger.service.support.ServiceTest;
import io.careledger.service.support.Staff;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests built to hurt: each is refused cleanly, with a typed error (or a 4xx for what is not GraphQL at all),
 * never a 5xx, and no answer carries a stack trace, an exception or an internal class name.
 */
@ServiceTest
class HostileRequestsIT {
    @LocalServerPort
    int port;
    private RawGraphQl agent;
    private RawGraphQl.Answer last;

    @BeforeEach
    void signIn() {
        agent = RawGraphQl.basic(port, "agent", "agent-pass");
    }

    @AfterEach
    void nothingInternalLeaks() {
        if (last != null) {
            assertThat(last.status()).as(last.body()).isLessThan(500);
            assertThat(last.body()).doesNotContain("Exception", "\tat ", "java.", "io.careledger", "org.springframework",
                    "graphql.execution", "trace");
        }
    }

    @Test
    void deepNestingIsRefusedAsTooDeep() {
        String nested = "__schema { types { " + "fields { type { ".repeat(6) + "name" + " } }".repeat(6) + " } }";
        last = agent.query("{ " + nested + " }", Map.of());
        assertThat(last.classifications()).as(last.body()).containsExactly("QUERY_TOO_DEEP");
        assertThat(last.data()).isNull();
    }

    @Test
    void absurdNestingIsRefusedByTheParser() {
        last = agent.query("{ a " + "{ a ".repeat(3000) + "}".repeat(3001), Map.of());
        assertThat(last.classifications()).as(last.body()).singleElement().isIn("InvalidSyntax", "DOCUMENT_TOO_LARGE");
    }

    @Test
    void aThousandAliasesAreRefused() {
        String aliases = IntStream.range(0, 1000).mapToObj(i -> "a" + i + ": __typename").collect(Collectors.joining(" "));
        last = agent.query("{ " + aliases + " }", Map.of());
        assertThat(last.classifications()).as(last.body()).containsExactly("TOO_MANY_ALIASES");
        assertThat(last.errors().get(0)).extracting("extensions").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                                        .containsEntry("limit", 50).containsEntry("actual", 1000);
    }

    @Test
    void aQueryThatWouldReturnTooMuchIsRefusedAsTooComplex() {
        String pages = IntStream.range(0, 20).mapToObj(i -> "p" + i + ": searchCases(first: 100) { edges { node { id kind storeId openedAt version } } }")
                                .collect(Collectors.joining(" "));
        last = agent.query("{ " + pages + " }", Map.of());
        assertThat(last.classifications()).as(last.body()).containsExactly("QUERY_TOO_COMPLEX");
    }

    @Test
    void aHugePageSizeIsABadRequestNamingTheArgument() {
        for (String list : List.of("searchCases(first: 1000000) { totalCount }", "searchCustomers(first: 101) { totalCount }",
                "careTasks(first: 0) { totalCount }", "customerTimeline(customerId: \"c-1\", first: -1) { totalCount }")) {
            last = agent.query("{ " + list + " }", Map.of());
            assertThat(last.classifications()).as(last.body()).containsExactly("BAD_REQUEST");
            assertThat(last.errors().get(0).get("extensions")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                                                              .containsEntry("argument", "first");
        }
    }

    @Test
    void queryArgumentsPassTheInputRules() {
        last = agent.query("query($t: String) { searchCustomers(text: $t) { totalCount } }", Map.of("t", "x".repeat(30_000)));
        assertThat(last.classifications()).as(last.body()).containsExactly("BAD_REQUEST");
        assertThat(last.errors().get(0).get("extensions")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                                                          .containsEntry("argument", "text");
        last = agent.query("query($id: ID!) { complaint(id: $id) { id } }", Map.of("id", "c-1\u0000"));
        assertThat(last.classifications()).as(last.body()).containsExactly("BAD_REQUEST");
    }

    @Test
    void anOversizedDocumentIsRefusedBeforeParsing() {
        last = agent.query("{ __typename }" + " ".repeat(40_000), Map.of());
        assertThat(last.classifications()).as(last.body()).containsExactly("DOCUMENT_TOO_LARGE");
    }

    @Test
    void anOversizedBodyIsRefusedWith413() {
        last = agent.query("query($x: String) { __typename }", Map.of("x", "x".repeat(2 * 1024 * 1024)));
        assertThat(last.status()).isEqualTo(413);
        assertThat(last.classifications()).containsExactly("DOCUMENT_TOO_LARGE");
    }

    @Test
    void malformedJsonIsA400() {
        last = agent.post("application/json", "{\"query\": \"{ __typename }\", \"variables\": {");
        assertThat(last.status()).isEqualTo(400);
    }

    @Test
    void aWrongContentTypeIsRefusedWithA4xx() {
        last = agent.post("text/plain", "{ __typename }");
        assertThat(last.status()).isBetween(400, 499);
        last = agent.post(null, "{\"query\": \"{ __typename }\"}");
        assertThat(last.status()).isBetween(200, 499);
    }

    @Test
    void aGetIsRefusedOrAnsweredButNeverFails() {
        last = agent.get("mutation { rebuildCaseProjection { phase } }");
        assertThat(last.status()).isBetween(200, 499);
        assertThat(last.body()).doesNotContain("\"phase\"");
    }

    @Test
    void wrongTypesAndUnknownFieldsAreValidationErrors() {
        last = agent.query("query($n: Int) { searchCases(first: $n) { totalCount } }", Map.of("n", "many"));
        assertThat(last.status()).isBetween(200, 499);
        assertThat(last.errors()).isNotEmpty();
        last = agent.query("{ noSuchField }", Map.of());
        assertThat(last.classifications()).containsExactly("ValidationError");
    }

    @Test
    void unauthenticatedCallsAre401() {
        last = RawGraphQl.basic(port, "agent", "wrong").query("{ __typename }", Map.of());
        assertThat(last.status()).isEqualTo(401);
    }

    @Test
    void anAmountBuiltToExhaustTheParserIsAUserErrorNamingTheField() {
        String customer = Customers.register(new Staff(port).agent(), Cases.newStore(), "压力");
        last = agent.query("mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { purchase { orderId } errors { code field } } }",
                Map.of("input", Map.of("customerId", customer, "orderId", "ORD-HOSTILE", "storeId", "S-1", "channel", "STORE_DESK",
                        "purchasedAt", "2026-01-01T00:00:00Z", "lines", List.of(Map.of("sku", "A", "category", "X", "quantity", 1,
                                "unitPrice", Map.of("amount", "1e999999999", "currency", "CNY"))))));
        assertThat(last.errors()).isEmpty();
        assertThat(last.body()).contains("INVALID_INPUT", "lines[0].unitPrice.amount");
    }
}
