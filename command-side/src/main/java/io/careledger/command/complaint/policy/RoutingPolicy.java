package io.careledger.command.complaint.policy;

import static io.careledger.api.complaint.ComplaintCategory.BATCH_COMPLAINT;
import static io.careledger.api.complaint.ComplaintCategory.DELIVERY;
import static io.careledger.api.complaint.ComplaintCategory.EQUIPMENT_FAILURE;
import static io.careledger.api.complaint.ComplaintCategory.FOOD_SAFETY;
import static io.careledger.api.complaint.ComplaintCategory.FRESH_SPOILAGE;
import static io.careledger.api.complaint.ComplaintCategory.PACKAGING_DAMAGE;
import static io.careledger.api.complaint.ComplaintCategory.PRICE_DISPUTE;
import static io.careledger.api.complaint.ComplaintCategory.PRODUCT_QUALITY;
import static io.careledger.api.complaint.ComplaintCategory.STAFF_ATTITUDE;
import static io.careledger.api.complaint.ComplaintCategory.WRONG_ITEM;
import static io.careledger.api.complaint.Department.HEAD_OFFICE_AFTER_SALES;
import static io.careledger.api.complaint.Department.QUALITY_CONTROL;
import static io.careledger.api.complaint.Department.SALES;
import static io.careledger.api.complaint.Department.STORE_OPERATIONS;
import static io.careledger.api.complaint.Department.STORE_SERVICE_DESK;
import static io.careledger.api.complaint.Department.WAREHOUSING_AND_DISTRIBUTION;
import static java.util.Map.entry;

import io.careledger.api.complaint.ComplaintCategory;
import io.careledger.api.complaint.Department;
import io.careledger.api.complaint.Severity;
import io.careledger.command.common.PolicyTables;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which department answers for a complaint (DOMAIN.md §4). Versioned data like {@link SeverityPolicy}: the
 * sources route only some categories, and the events record the version that routed them.
 *
 * @param departments            each category's own department
 * @param highestLevelDepartment who takes a case over once it is at the highest level; the sources give
 *                               level-3 cases to the head-office after-sales team
 * @param handlesHighestLevel    departments that keep their own highest-level cases rather than hand them
 *                               over, because they already work at head office (quality control investigates
 *                               food safety itself); always includes {@code highestLevelDepartment}
 */
public record RoutingPolicy(
        String version,
        Map<ComplaintCategory, Department> departments,
        Department highestLevelDepartment,
        Set<Department> handlesHighestLevel) {

    public RoutingPolicy {
        version = PolicyTables.version(version);
        departments = PolicyTables.complete(departments, ComplaintCategory.class, "departments");
        if (highestLevelDepartment == null) {
            throw new IllegalArgumentException("highestLevelDepartment is required");
        }
        if (handlesHighestLevel == null || !handlesHighestLevel.contains(highestLevelDepartment)) {
            throw new IllegalArgumentException("handlesHighestLevel must include " + highestLevelDepartment);
        }
        handlesHighestLevel = Collections.unmodifiableSet(EnumSet.copyOf(handlesHighestLevel));
    }

    /** DOMAIN.md §4: quality to quality control, storage and transport to warehousing, attitude to sales. */
    public static RoutingPolicy defaults() {
        return new RoutingPolicy("routing-2026.1",
                Map.ofEntries(
                        entry(PRICE_DISPUTE, STORE_SERVICE_DESK), entry(WRONG_ITEM, STORE_SERVICE_DESK),
                        entry(EQUIPMENT_FAILURE, STORE_OPERATIONS),
                        entry(PRODUCT_QUALITY, QUALITY_CONTROL), entry(FOOD_SAFETY, QUALITY_CONTROL),
                        entry(FRESH_SPOILAGE, WAREHOUSING_AND_DISTRIBUTION),
                        entry(PACKAGING_DAMAGE, WAREHOUSING_AND_DISTRIBUTION),
                        entry(DELIVERY, WAREHOUSING_AND_DISTRIBUTION),
                        entry(STAFF_ATTITUDE, SALES),
                        entry(BATCH_COMPLAINT, HEAD_OFFICE_AFTER_SALES)),
                HEAD_OFFICE_AFTER_SALES,
                Set.of(HEAD_OFFICE_AFTER_SALES, QUALITY_CONTROL));
    }

    /**
     * The category's own department, except that a case at the highest level moves to
     * {@link #highestLevelDepartment()} unless its own department handles that level itself. One rule for filing
     * and escalation alike, so a case's department depends only on what it is about and how serious it is now.
     */
    public Department departmentFor(ComplaintCategory category, Severity severity) {
        Department own = departments.get(category);
        return severity.isHighest() && !handlesHighestLevel.contains(own) ? highestLevelDepartment : own;
    }
}
