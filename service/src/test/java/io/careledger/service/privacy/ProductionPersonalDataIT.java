package io.careledger.service.privacy;

import static io.careledger.service.support.Customers.ERRORS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.careledger.api.common.PersonalData;
import io.careledger.service.support.Cases;
import io.careledger.service.support.ProductionBackends;
import io.careledger.service.support.ProductionServiceTest;
import io.careledger.service.support.Staff;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

/** The production profile: events in KurrentDB hold sealed values only, keys live in PostgreSQL, erasure works. */
@ProductionServiceTest
class ProductionPersonalDataIT {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate postgres;

    @Test
    void kurrentDbHoldsNoPersonalFieldInClearAndAnErasureClearsTheKeyInPostgres() {
        Staff staff = new Staff(port);
        HttpGraphQlTester agent = staff.agent();
        String store = Cases.newStore();
        String marker = UUID.randomUUID().toString().substring(0, 8).replaceAll("\\d", "z");
        String name = "赵敏 Zhao " + marker;
        String customer = agent.document("mutation($input: RegisterCustomerInput!) { registerCustomer(input: $input) { "
                        + "customer { id } " + ERRORS + " } }")
                .variable("input", Map.of("name", name, "phone", "13600001234", "email", "zhao." + marker + "@example.com",
                        "homeStoreId", store, "channel", "STORE_DESK"))
                .execute().path("registerCustomer.errors").entityList(Object.class).hasSize(0)
                .path("registerCustomer.customer.id").entity(String.class).get();
        agent.document("mutation($input: RecordProfileNoteInput!) { recordProfileNote(input: $input) { customer { id } "
                        + ERRORS + " } }")
                .variable("input", Map.of("customerId", customer, "category", "FAMILY", "text", "孙女 " + marker))
                .execute().path("recordProfileNote.errors").entityList(Object.class).hasSize(0);

        List<String> stored = ProductionBackends.kurrent().recordedData("careledger-" + customer).stream()
                .map(data -> new String(data, StandardCharsets.UTF_8)).toList();
        assertThat(stored).hasSize(2).allSatisfy(payload -> assertThat(payload)
                .doesNotContain(marker, "赵敏", "13600001234", "孙女").contains("pd1:"));
        assertThat(postgres.queryForObject("SELECT COUNT(*) FROM customer_key WHERE customer_id = ? "
                + "AND key_material IS NOT NULL", Integer.class, customer)).isEqualTo(1);
        assertThat(agent.document("query($id: ID!) { customer(id: $id) { name notes { text } } }")
                .variable("id", customer).execute().path("customer.name").entity(String.class).get()).isEqualTo(name);

        Map<String, Object> erased = staff.admin().document("mutation($input: EraseCustomerPersonalDataInput!) { "
                        + "eraseCustomerPersonalData(input: $input) { customer { name phone email notes { text } } "
                        + ERRORS + " } }")
                .variable("input", Map.of("customerId", customer, "reason", "request " + marker))
                .execute().path("eraseCustomerPersonalData.errors").entityList(Object.class).hasSize(0)
                .path("eraseCustomerPersonalData.customer").entity(Map.class).get();
        assertThat(erased).containsEntry("name", PersonalData.ERASED).containsEntry("phone", PersonalData.ERASED)
                .containsEntry("email", PersonalData.ERASED)
                .containsEntry("notes", List.of(Map.of("text", PersonalData.ERASED)));
        assertThat(postgres.queryForObject("SELECT COUNT(*) FROM customer_key WHERE customer_id = ? "
                + "AND key_material IS NULL AND erased_at IS NOT NULL", Integer.class, customer)).isEqualTo(1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(agent.document(
                        "query($s: ID) { searchCustomers(storeId: $s) { edges { node { id name phone } } } }")
                .variable("s", store).execute().path("searchCustomers.edges[*].node").entityList(Map.class).get())
                .containsExactly(Map.of("id", customer, "name", PersonalData.ERASED, "phone", PersonalData.ERASED)));
    }
}
