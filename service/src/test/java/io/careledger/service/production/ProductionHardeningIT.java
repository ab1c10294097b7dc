package io.careledger.service.production;

import static org.assertj.core.api.Assertions.assertThat;

import io.careledger.service.support.ProductionServiceTest;
import io.careledger.service.support.RawGraphQl;
import io.careledger.service.support.Staff;
import io.careledger.service.support.TestTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The production profile: no schema introspection, no GraphiQL, bearer tokens accepted. */
@ProductionServiceTest
class ProductionHardeningIT {
    @LocalServerPort
    int port;

    @Test
    void introspectionIsOff() {
        RawGraphQl.Answer answer = RawGraphQl.basic(port, "agent", "agent-pass").query("{ __schema { types { name } } }", Map.of());
        assertThat(answer.status()).isLessThan(500);
        assertThat(answer.errors()).as(answer.body()).isNotEmpty();
        assertThat(answer.body()).doesNotContain("\"types\"", "Exception");
    }

    @Test
    void graphiqlIsOff() {
        new Staff(port).anonymous().get().uri("/graphiql").exchange().expectStatus().isNotFound();
    }

    @Test
    void bearerTokensSignStaffIn() {
        RawGraphQl agent = RawGraphQl.bearer(port, TestTokens.token("prod-agent", List.of("AGENT"), Map.of()));
        RawGraphQl.Answer answer = agent.query("{ searchCases(first: 1) { totalCount } }", Map.of());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.errors()).as(answer.body()).isEmpty();
        assertThat(RawGraphQl.bearer(port, TestTokens.expired("prod-agent", List.of("AGENT")))
                             .query("{ __typename }", Map.of()).status()).isEqualTo(401);
    }
}
