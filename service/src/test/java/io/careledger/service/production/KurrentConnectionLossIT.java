package io.careledger.service.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.careledger.command.eventstore.infra.kurrentdb.testserver.KurrentTestServer;
import io.careledger.service.support.Cases;
import io.careledger.service.support.ProductionBackends;
import io.careledger.service.support.ProductionServiceTest;
import io.careledger.service.support.Staff;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * KurrentDB goes away under the running service and comes back: meanwhile commands fail at once with a clear
 * error and store nothing; afterwards work goes on, and the projection resumes from its token with every
 * event once.
 */
@ProductionServiceTest
class KurrentConnectionLossIT {
    private static final Duration FAIL_FAST = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    private final KurrentTestServer kurrent = ProductionBackends.kurrent();

    @AfterEach
    void serverIsBack() {
        kurrent.start();
    }

    @Test
    void commandsFailClearlyWhileKurrentDbIsDownAndNothingIsLostOrDuplicatedAfterwards() {
        Staff staff = new Staff(port);
        HttpGraphQlTester agent = staff.agent();
        String store = Cases.newStore();
        String customer = Cases.registerCustomer(agent, store);
        String before = Cases.fileComplaint(agent, customer, store, "DELIVERY", "快递延误 parcel late");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(search(agent, store)).containsExactly(before));

        kurrent.stop();
        long started = System.nanoTime();
        var refused = Cases.send(agent, "acknowledgeComplaint", before, Map.of());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FAIL_FAST);
        refused.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getExtensions()).containsEntry("classification", "UNAVAILABLE");
            assertThat(error.getMessage()).contains("event store did not answer in time");
        }));

        kurrent.start();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
               .untilAsserted(() -> Cases.step(agent, "acknowledgeComplaint", before, Map.of()));
        Cases.step(agent, "logComplaintContact", before, Map.of("kind", "LISTEN", "summary", "顾客说明了送货地址"));
        String after = Cases.fileComplaint(agent, customer, store, "DELIVERY", "第二个包裹也延误 second parcel");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(search(agent, store)).containsExactlyInAnyOrder(before, after);
            assertThat(version(agent, before)).isEqualTo(2);
        });
        assertThat(Cases.history(staff.auditor(), before)).extracting(e -> e.get("type"))
                .containsExactly("complaint.filed", "complaint.acknowledged", "complaint.contact-logged");
    }

    private static List<String> search(HttpGraphQlTester agent, String store) {
        return agent.document("query($store: ID) { searchCases(storeId: $store) { edges { node { id } } } }")
                    .variable("store", store)
                    .execute().path("searchCases.edges[*].node.id").entityList(String.class).get();
    }

    private static int version(HttpGraphQlTester agent, String complaint) {
        return agent.document("query($id: ID!) { complaint(id: $id) { version } }").variable("id", complaint)
                    .execute().path("complaint.version").entity(Integer.class).get();
    }
}
