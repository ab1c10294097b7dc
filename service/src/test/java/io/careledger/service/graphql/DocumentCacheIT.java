package io.careledger.service.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.careledger.service.support.Cases;
import io.careledger.service.support.RawGraphQl;
import io.careledger.service.support.ServiceTest;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A document kept by the {@link DocumentCache} is reused, but everything that depends on who asks and with which
 * variables is decided afresh on every request: roles, store scoping, masking, input rules, depth and
 * complexity. Every document here carries a marker of its own, so it is new to the cache when the test begins
 * and the test can see it being kept.
 */
@ServiceTest
class DocumentCacheIT {
    @LocalServerPort
    int port;
    @Autowired
    DocumentCache cache;

    private final String marker = "m" + UUID.randomUUID().toString().replace("-", "");

    private RawGraphQl as(String user) {
        return RawGraphQl.basic(port, user, user + "-pass");
    }

    @Test
    void aKeptDocumentIsStillCheckedAgainstEachCallersRoles() {
        String document = "query($id: ID!) { " + marker + ": caseHistory(caseId: $id) { type } }";
        Map<String, Object> variables = Map.of("id", "c-" + marker);

        RawGraphQl.Answer refused = as("agent").query(document, variables);
        assertThat(refused.classifications()).as(refused.body()).containsExactly("FORBIDDEN");
        assertThat(cache.keeps(document)).isTrue();

        RawGraphQl.Answer allowed = as("auditor").query(document, variables);
        assertThat(allowed.classifications()).as(allowed.body()).doesNotContain("FORBIDDEN");

        RawGraphQl.Answer refusedAgain = as("agent").query(document, variables);
        assertThat(refusedAgain.classifications()).as(refusedAgain.body()).containsExactly("FORBIDDEN");
    }

    @Test
    void aKeptDocumentIsStillScopedToTheCallersStores() {
        String document = "query($s: ID) { " + marker + ": searchCases(storeId: $s, first: 1) { totalCount } }";
        String elsewhere = Cases.newStore();

        RawGraphQl.Answer everyStore = as("agent").query(document, Map.of("s", elsewhere));
        assertThat(everyStore.errors()).as(everyStore.body()).isEmpty();
        assertThat(cache.keeps(document)).isTrue();

        RawGraphQl.Answer scoped = RawGraphQl.basic(port, "agent-sh", "agent-sh-pass").query(document, Map.of("s", elsewhere));
        assertThat(scoped.classifications()).as(scoped.body()).containsExactly("FORBIDDEN");
        RawGraphQl.Answer ownStore = RawGraphQl.basic(port, "agent-sh", "agent-sh-pass").query(document, Map.of("s", "SH-001"));
        assertThat(ownStore.errors()).as(ownStore.body()).isEmpty();
    }

    @Test
    void aKeptDocumentStillMasksForTheReaderWhoAsks() {
        // Text search is closed to readers who see personal data masked; the same kept document stays open to staff.
        String document = "query($t: String) { " + marker + ": searchCases(text: $t, first: 1) { totalCount } }";
        Map<String, Object> variables = Map.of("t", marker);

        RawGraphQl.Answer staff = as("agent").query(document, variables);
        assertThat(staff.errors()).as(staff.body()).isEmpty();
        assertThat(cache.keeps(document)).isTrue();

        RawGraphQl.Answer analyst = as("analyst").query(document, variables);
        assertThat(analyst.classifications()).as(analyst.body()).containsExactly("BAD_REQUEST");
        assertThat(analyst.body()).contains("masked");

        assertThat(as("agent").query(document, variables).errors()).isEmpty();
    }

    @Test
    void aKeptDocumentStillPassesTheInputRulesWithEachRequestsVariables() {
        String document = "query($t: String) { " + marker + ": searchCustomers(text: $t) { totalCount } }";

        RawGraphQl.Answer fine = as("agent").query(document, Map.of("t", "bread"));
        assertThat(fine.errors()).as(fine.body()).isEmpty();
        assertThat(cache.keeps(document)).isTrue();

        RawGraphQl.Answer tooLong = as("agent").query(document, Map.of("t", "x".repeat(30_000)));
        assertThat(tooLong.classifications()).as(tooLong.body()).containsExactly("BAD_REQUEST");
    }

    @Test
    void aKeptDocumentIsStillRefusedAsTooComplexWhenItsVariablesAskForTooMuch() {
        String document = "query($n: Int) { " + IntStream.range(0, 20)
                .mapToObj(i -> marker + i + ": searchCases(first: $n) { edges { node { id kind storeId openedAt version } } }")
                .collect(Collectors.joining(" ")) + " }";

        RawGraphQl.Answer small = as("agent").query(document, Map.of("n", 1));
        assertThat(small.errors()).as(small.body()).isEmpty();
        assertThat(cache.keeps(document)).isTrue();

        RawGraphQl.Answer large = as("agent").query(document, Map.of("n", 100));
        assertThat(large.classifications()).as(large.body()).containsExactly("QUERY_TOO_COMPLEX");
        assertThat(large.data()).isNull();
    }

    @Test
    void aDocumentThatFailsValidationOrALimitIsNotKeptAndIsRefusedEveryTime() {
        String invalid = "{ " + marker + ": searchCases(first: 1) { noSuchField } }";
        String aliases = "{ " + IntStream.range(0, 60).mapToObj(i -> marker + i + ": __typename")
                                             .collect(Collectors.joining(" ")) + " }";
        for (int attempt = 0; attempt < 2; attempt++) {
            RawGraphQl.Answer answer = as("agent").query(invalid, Map.of());
            assertThat(answer.classifications()).as(answer.body()).containsExactly("ValidationError");
            assertThat(cache.keeps(invalid)).isFalse();

            RawGraphQl.Answer tooMany = as("agent").query(aliases, Map.of());
            assertThat(tooMany.classifications()).as(tooMany.body()).containsExactly("TOO_MANY_ALIASES");
            assertThat(cache.keeps(aliases)).isFalse();
        }
    }
}
