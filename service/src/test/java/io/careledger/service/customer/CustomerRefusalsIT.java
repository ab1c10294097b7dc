package io.careledger.service.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.careledger.service.support.Cases;
import io.careledger.service.support.Customers;
import io.careledger.service.support.ServiceTest;
import io.careledger.service.support.Staff;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Every customer mutation refuses bad input with a typed user error naming the field, and the customer's
 * file is left exactly as it was (same version, same content).
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerRefusalsIT {
    private static final String KNOWN = "the registered customer";

    @LocalServerPort
    int port;
    private HttpGraphQlTester supervisor;
    private String customer;

    @BeforeAll
    void registerOneCustomer() {
        supervisor = new Staff(port).supervisor();
        customer = Customers.register(supervisor, Cases.newStore(), "郑爽");
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("updateCustomerProfile", "UpdateCustomerProfileInput", KNOWN, Map.of("email", "nobody@"), "INVALID_INPUT", "email"),
                Arguments.of("updateCustomerProfile", "UpdateCustomerProfileInput", KNOWN, Map.of("homeStoreId", "no store!"), "INVALID_INPUT", "homeStoreId"),
                Arguments.of("updateCustomerProfile", "UpdateCustomerProfileInput", KNOWN, Map.of("name", " "), "INVALID_INPUT", "name"),
                Arguments.of("recordProfileNote", "RecordProfileNoteInput", KNOWN, Map.of("category", "WORK", "text", "bell \u0007"), "INVALID_INPUT", "text"),
                Arguments.of("recordProfileNote", "RecordProfileNoteInput", KNOWN, Map.of("category", "WORK", "text", "x".repeat(2001)), "INVALID_INPUT", "text"),
                Arguments.of("tagCustomer", "TagCustomerInput", KNOWN, Map.of("tag", " "), "INVALID_INPUT", "tag"),
                Arguments.of("tagCustomer", "TagCustomerInput", KNOWN, Map.of("tag", "t".repeat(51)), "INVALID_INPUT", "tag"),
                Arguments.of("giveConsent", "ConsentInput", "unknown-customer", Map.of("purpose", "PROFILING"), "NOT_FOUND", null),
                Arguments.of("withdrawConsent", "ConsentInput", "bad id!", Map.of("purpose", "PROFILING"), "INVALID_INPUT", "customerId"),
                Arguments.of("redeemPoints", "RedeemPointsInput", KNOWN, Map.of("points", 0), "INVALID_INPUT", "points"),
                Arguments.of("redeemPoints", "RedeemPointsInput", KNOWN, Map.of("points", -5), "INVALID_INPUT", "points"),
                Arguments.of("recordReferral", "RecordReferralInput", KNOWN, Map.of("referredBy", "bad id!"), "INVALID_INPUT", "referredBy"),
                Arguments.of("upgradeVip", "UpgradeVipInput", KNOWN, Map.of("tier", "MEMBER", "reason", "no"), "INVALID_TRANSITION", "tier"),
                Arguments.of("reviewTier", "ReviewTierInput", "unknown-customer", Map.of(), "NOT_FOUND", null));
    }

    @ParameterizedTest(name = "{0} {3} -> {4} {5}")
    @MethodSource("refusals")
    void isRefusedAndChangesNothing(String mutation, String inputType, String target, Map<String, Object> fields,
                                    String code, String field) {
        Map<String, Object> before = Customers.find(supervisor, customer);
        String customerId = KNOWN.equals(target) ? customer : target;

        Map<String, Object> error = Customers.refused(supervisor, mutation, inputType, customerId, fields);

        assertThat(error).containsEntry("code", code).containsEntry("field", field);
        assertThat((String) error.get("message")).isNotBlank().doesNotContain("Exception", "at io.");
        assertThat(Customers.find(supervisor, customer)).isEqualTo(before);
    }
}
