package io.careledger.service.support;

import java.util.List;
import java.util.Map;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** GraphQL steps on customers that several end-to-end tests share. */
public final class Customers {
    public static final String CUSTOMER_FIELDS = """
            id name phone email gender birthday address clothingSize homeStoreId preferredContact consents tags
            notes { category text by at } tier points cumulativeSpend { amount currency } rollingSpend { amount currency }
            referredBy registeredAt lastPurchaseAt version
            """;
    public static final String ERRORS = "errors { code message field }";

    private Customers() {
    }

    /** Registers a customer who consented to data processing and SMS, preferring SMS; returns the id. */
    public static String register(HttpGraphQlTester staff, String storeId, String name) {
        return staff.document("mutation($input: RegisterCustomerInput!) { registerCustomer(input: $input) { customer { id } "
                        + ERRORS + " } }")
                .variable("input", Map.of("name", name, "phone", "+86 139-0000-2222", "homeStoreId", storeId,
                        "channel", "STORE_DESK", "preferredContact", "SMS",
                        "consents", List.of("DATA_PROCESSING", "MARKETING_SMS")))
                .execute()
                .path("registerCustomer.errors").entityList(Object.class).hasSize(0)
                .path("registerCustomer.customer.id").entity(String.class).get();
    }

    /** A purchase of {@code quantity} x {@code unitPrice} CNY of one SKU. */
    public static GraphQlTester.Response purchase(HttpGraphQlTester staff, String customerId, String orderId, String storeId,
                                                  int quantity, String unitPrice, String purchasedAt) {
        return staff.document("mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { "
                        + "purchase { orderId total { amount currency } pointsEarned lines { sku quantity lineTotal { amount } } } "
                        + "customer { id tier points version rollingSpend { amount } } " + ERRORS + " } }")
                .variable("input", Map.of("customerId", customerId, "orderId", orderId, "storeId", storeId,
                        "channel", "STORE_DESK", "purchasedAt", purchasedAt,
                        "lines", List.of(Map.of("sku", "SUIT-" + orderId, "category", "MENSWEAR", "quantity", quantity,
                                "unitPrice", Map.of("amount", unitPrice, "currency", "CNY")))))
                .execute();
    }

    /** Runs a customer mutation whose input is {@code customerId} plus {@code fields}; expects no user error. */
    public static Map<String, Object> step(HttpGraphQlTester staff, String mutation, String inputType, String customerId,
                                           Map<String, Object> fields) {
        GraphQlTester.Response response = send(staff, mutation, inputType, customerId, fields);
        response.path(mutation + ".errors").entityList(Object.class).hasSize(0);
        return response.path(mutation + ".customer").entity(Map.class).get();
    }

    /** Runs a customer mutation that must be refused; returns its single user error. */
    public static Map<String, Object> refused(HttpGraphQlTester staff, String mutation, String inputType, String customerId,
                                              Map<String, Object> fields) {
        GraphQlTester.Response response = send(staff, mutation, inputType, customerId, fields);
        response.path(mutation + ".customer").valueIsNull();
        return response.path(mutation + ".errors").entityList(Map.class).hasSize(1).get().get(0);
    }

    public static Map<String, Object> find(HttpGraphQlTester staff, String customerId) {
        return staff.document("query($id: ID!) { customer(id: $id) { " + CUSTOMER_FIELDS + " openCases lastContactAt } }")
                    .variable("id", customerId).execute().path("customer").entity(Map.class).get();
    }

    /** The timeline, newest first, as (eventType, summary, staffId, ...) maps. */
    public static List<Map> timeline(HttpGraphQlTester staff, String customerId, String arguments) {
        return staff.document("query($id: ID!) { customerTimeline(customerId: $id, first: 100" + arguments + ") { totalCount "
                        + "edges { cursor node { id type eventType occurredAt summary amount { amount currency } points caseId "
                        + "orderId staffId position } } } }")
                    .variable("id", customerId).execute()
                    .path("customerTimeline.edges[*].node").entityList(Map.class).get();
    }

    private static GraphQlTester.Response send(HttpGraphQlTester staff, String mutation, String inputType, String customerId,
                                               Map<String, Object> fields) {
        var input = new java.util.HashMap<String, Object>(fields);
        input.put("customerId", customerId);
        return staff.document("mutation($input: " + inputType + "!) { " + mutation + "(input: $input) { customer { "
                        + CUSTOMER_FIELDS + " } " + ERRORS + " } }")
                    .variable("input", input)
                    .execute();
    }
}
