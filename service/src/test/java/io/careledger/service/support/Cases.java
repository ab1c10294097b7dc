package io.careledger.service.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** The GraphQL calls the end-to-end tests repeat, each asserting that the mutation was accepted. */
public final class Cases {
    public static final String COMPLAINT_FIELDS = """
            id kind status severity department owner filedBy customerId storeId orderId channel category
            description responseDueAt firstRespondedAt resolvedAt closedAt slaBreached breachedDeadlines
            escalationCount rejectedResolutions satisfaction firstContactResolution reopenCount version
            contacts { kind summary by at } resolution compensation { kind amount { amount currency } description }
            """;

    private Cases() {
    }

    /** A store id of its own keeps one test's searches apart from every other test's cases. */
    public static String newStore() {
        return "store-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String registerCustomer(HttpGraphQlTester staff, String storeId) {
        return staff.document("""
                        mutation($input: RegisterCustomerInput!) {
                          registerCustomer(input: $input) { customer { id name tier } errors { code message field } }
                        }""")
                .variable("input", Map.of("name", "王芳", "phone", "+86 138-0000-1111", "homeStoreId", storeId,
                        "channel", "STORE_DESK", "consents", List.of("DATA_PROCESSING")))
                .execute()
                .path("registerCustomer.errors").entityList(Object.class).hasSize(0)
                .path("registerCustomer.customer.id").entity(String.class).get();
    }

    public static String fileComplaint(HttpGraphQlTester staff, String customerId, String storeId, String category,
                                       String description) {
        return (String) file(staff, customerId, storeId, category, description).get("id");
    }

    /** Files a complaint and returns it as the mutation read it back (openedAt included). */
    public static Map<String, Object> file(HttpGraphQlTester staff, String customerId, String storeId, String category,
                                           String description) {
        return staff.document("mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { "
                        + "complaint { openedAt " + COMPLAINT_FIELDS + " } errors { code message field } } }")
                .variable("input", Map.of("customerId", customerId, "channel", "STORE_DESK", "category", category,
                        "description", description, "storeId", storeId))
                .execute()
                .path("fileComplaint.errors").entityList(Object.class).hasSize(0)
                .path("fileComplaint.complaint").entity(Map.class).get();
    }

    /**
     * Runs a complaint mutation whose input is {@code complaintId} plus {@code fields}, expects no user error,
     * and returns the complaint as the payload reads it back.
     */
    public static Map<String, Object> step(HttpGraphQlTester staff, String mutation, String complaintId,
                                           Map<String, Object> fields) {
        GraphQlTester.Response response = send(staff, mutation, complaintId, fields);
        response.path(mutation + ".errors").entityList(Object.class).hasSize(0);
        Map<String, Object> complaint = response.path(mutation + ".complaint").entity(Map.class).get();
        assertThat(complaint).containsEntry("id", complaintId);
        return complaint;
    }

    /** Runs a complaint mutation that must be refused; returns its single user error. */
    public static Map<String, Object> refused(HttpGraphQlTester staff, String mutation, String complaintId,
                                              Map<String, Object> fields) {
        GraphQlTester.Response response = send(staff, mutation, complaintId, fields);
        response.path(mutation + ".complaint").valueIsNull();
        List<Map> errors = response.path(mutation + ".errors").entityList(Map.class).hasSize(1).get();
        return errors.get(0);
    }

    public static GraphQlTester.Response send(HttpGraphQlTester staff, String mutation, String complaintId,
                                              Map<String, Object> fields) {
        String inputType = Character.toUpperCase(mutation.charAt(0)) + mutation.substring(1) + "Input";
        var input = new java.util.HashMap<String, Object>(fields);
        input.put("complaintId", complaintId);
        return staff.document("mutation($input: " + inputType + "!) { " + mutation + "(input: $input) { "
                        + "complaint { " + COMPLAINT_FIELDS + " } errors { code message field } } }")
                .variable("input", input)
                .execute();
    }

    public static List<Map> history(HttpGraphQlTester auditor, String caseId) {
        return auditor.document("""
                        query($id: ID!) { caseHistory(caseId: $id) {
                          eventId sequence type revision occurredAt actor channel correlationId causationId payload } }""")
                .variable("id", caseId)
                .execute()
                .path("caseHistory").entityList(Map.class).get();
    }
}
