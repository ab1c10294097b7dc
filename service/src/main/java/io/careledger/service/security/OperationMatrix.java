package io.careledger.service.security;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who may call which GraphQL operation, and how a store-scoped staff member is held to their stores: the one
 * table that {@link OperationGuard} enforces on every query, mutation and subscription field, that the README's
 * role matrix is generated from, and that the controllers' {@code @PreAuthorize} expressions must agree with
 * (a test holds all three together). An operation that is not in this table is refused to everyone, so a new
 * operation cannot slip through unprotected; a test also fails for every schema operation missing here.
 */
public final class OperationMatrix {

    /** How a store-scoped staff member is held to their stores on one operation. */
    public enum Scope {
        /** Not about one store (operating the read models, planning across regions). */
        NONE,
        /** Every case, customer, care task and store the arguments name must be in the staff member's stores. */
        TARGETS,
        /** A search: answers only from the staff member's stores; a store filter outside them is refused. */
        FILTERED,
        /** Spans every store by nature: refused to a store-scoped staff member. */
        UNSCOPED_STAFF_ONLY
    }

    /** What the bare {@code id} argument of a query names. */
    public enum IdKind {
        NONE, CASE, CUSTOMER, CARE_TASK
    }

    /** One row: the {@link Access} expression, how scoping applies, and a note on fields for the README. */
    public record Rule(String access, Scope scope, IdKind id, String note) {
        /** The roles the expression admits: {@code hasRole('X')} or {@code hasAnyRole('X','Y')}. */
        public Set<Role> roles() {
            return rolesOf(access);
        }

        public boolean admits(Role role) {
            return roles().contains(role);
        }
    }

    private static final Pattern ROLE = Pattern.compile("'([A-Z_]+)'");
    private static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        // Queries
        query("complaint", Access.READ_CASES, Scope.TARGETS, IdKind.CASE, "");
        query("refund", Access.READ_CASES, Scope.TARGETS, IdKind.CASE, "");
        query("repair", Access.READ_CASES, Scope.TARGETS, IdKind.CASE, "");
        query("searchCases", Access.READ_CASES, Scope.FILTERED, IdKind.NONE, "scoped staff see their stores' cases only");
        query("caseHistory", Access.AUDIT, Scope.TARGETS, IdKind.NONE, "stored events with actor and payload");
        query("caseAsOf", Access.AUDIT, Scope.TARGETS, IdKind.NONE, "");
        query("caseProjectionRebuild", Access.ADMIN, Scope.NONE, IdKind.NONE, "");
        query("projectionRebuild", Access.ADMIN, Scope.NONE, IdKind.NONE, "");
        query("customer", Access.READ_CASES, Scope.TARGETS, IdKind.CUSTOMER, "");
        query("searchCustomers", Access.READ_CASES, Scope.FILTERED, IdKind.NONE, "scoped staff see their stores' customers only");
        query("customerTimeline", Access.READ_CASES, Scope.TARGETS, IdKind.NONE, "");
        query("careTasks", Access.READ_CASES, Scope.FILTERED, IdKind.NONE, "scoped staff see their stores' tasks only");
        query("careTask", Access.READ_CASES, Scope.TARGETS, IdKind.CARE_TASK, "");
        query("serviceMetrics", Access.METRICS, Scope.FILTERED, IdKind.NONE, "scoped staff see their stores' figures only");
        query("staffPerformance", Access.METRICS, Scope.FILTERED, IdKind.NONE, "scoped staff see their stores' figures only");
        // Subscriptions
        subscription("customerTimeline", Access.READ_CASES, Scope.TARGETS, "");
        // Mutations: complaints
        mutation("fileComplaint", Access.STAFF, "");
        mutation("acknowledgeComplaint", Access.STAFF, "");
        mutation("logComplaintContact", Access.STAFF, "");
        mutation("escalateComplaint", Access.SUPERVISOR, "");
        mutation("proposeResolution", Access.STAFF, "");
        mutation("acceptResolution", Access.STAFF, "");
        mutation("rejectResolution", Access.STAFF, "");
        mutation("recordComplaintFollowUp", Access.STAFF, "");
        mutation("closeComplaint", Access.STAFF, "");
        mutation("reopenComplaint", Access.SUPERVISOR, "");
        // Mutations: refunds and repairs
        mutation("requestRefund", Access.STAFF, "an agent approves only up to the frontline limit (policy)");
        mutation("approveRefund", Access.SUPERVISOR, "");
        mutation("rejectRefund", Access.SUPERVISOR, "");
        mutation("markRefundPaid", Access.STAFF, "");
        mutation("registerRepair", Access.STAFF, "");
        mutation("takeInRepairItem", Access.STAFF, "");
        mutation("logRepairStep", Access.STAFF, "");
        mutation("completeRepair", Access.STAFF, "");
        mutation("declareUnrepairable", Access.STAFF, "");
        mutation("returnRepairItem", Access.STAFF, "");
        mutation("redeemFreeCare", Access.STAFF, "");
        // Mutations: customers and care
        mutation("registerCustomer", Access.STAFF, "");
        mutation("updateCustomerProfile", Access.STAFF, "");
        mutation("recordProfileNote", Access.STAFF, "");
        mutation("tagCustomer", Access.STAFF, "");
        mutation("untagCustomer", Access.STAFF, "");
        mutation("giveConsent", Access.STAFF, "");
        mutation("withdrawConsent", Access.STAFF, "");
        mutation("recordPurchase", Access.STAFF, "");
        mutation("upgradeVip", Access.SUPERVISOR, "");
        mutation("reviewTier", Access.SUPERVISOR, "");
        mutation("redeemPoints", Access.STAFF, "");
        mutation("recordReferral", Access.STAFF, "");
        mutation("completeCareTask", Access.STAFF, "");
        mutation("recordSurveyResponse", Access.STAFF, "");
        rule("Mutation.eraseCustomerPersonalData", new Rule(Access.ERASE, Scope.NONE, IdKind.NONE,
                "with a reason; shreds the customer's key (see Personal data)"));
        rule("Mutation.planHomeVisits", new Rule(Access.SUPERVISOR, Scope.UNSCOPED_STAFF_ONLY, IdKind.NONE,
                "plans every configured region; unscoped supervisors only"));
        // Mutations: operating the read models
        rule("Mutation.rebuildCaseProjection", new Rule(Access.ADMIN, Scope.NONE, IdKind.NONE, ""));
        rule("Mutation.rebuildProjection", new Rule(Access.ADMIN, Scope.NONE, IdKind.NONE, ""));
    }

    private OperationMatrix() {
    }

    /** The rule of {@code Type.field} (e.g. {@code Mutation.fileComplaint}), if the operation is in the table. */
    public static Optional<Rule> rule(String typeName, String fieldName) {
        return Optional.ofNullable(RULES.get(typeName + "." + fieldName));
    }

    /** Every row, in table order, keyed {@code Type.field}. */
    public static Map<String, Rule> rules() {
        return java.util.Collections.unmodifiableMap(RULES);
    }

    /** The roles an {@link Access} expression admits. */
    public static Set<Role> rolesOf(String access) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Matcher matcher = ROLE.matcher(access);
        while (matcher.find()) {
            roles.add(Role.valueOf(matcher.group(1)));
        }
        return roles;
    }

    private static void query(String field, String access, Scope scope, IdKind id, String note) {
        rule("Query." + field, new Rule(access, scope, id, note));
    }

    private static void subscription(String field, String access, Scope scope, String note) {
        rule("Subscription." + field, new Rule(access, scope, IdKind.NONE, note));
    }

    private static void mutation(String field, String access, String note) {
        rule("Mutation." + field, new Rule(access, Scope.TARGETS, IdKind.NONE, note));
    }

    private static void rule(String operation, Rule rule) {
        if (RULES.put(operation, rule) != null) {
            throw new IllegalStateException("Two rules for " + operation);
        }
    }
}
