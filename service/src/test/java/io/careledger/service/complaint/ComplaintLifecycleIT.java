package io.careledger.service.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import io.careledger.service.support.ServiceTest;
import org.junit.jupiter.api.Test;

/**
 * The complaint lifecycle on the embedded default: H2 and a managed Elasticsearch. GraphiQL is served here only;
 * the production profile turns it off ({@code ProductionHardeningIT}).
 */
@ServiceTest
class ComplaintLifecycleIT extends ComplaintLifecycleScenario {

    @Test
    void graphiqlIsServed() {
        staff.anonymous().get().uri("/graphiql?path=/graphql").exchange()
             .expectStatus().isOk()
             .expectBody(String.class).value(page -> assertThat(page).containsIgnoringCase("graphiql"));
    }
}
