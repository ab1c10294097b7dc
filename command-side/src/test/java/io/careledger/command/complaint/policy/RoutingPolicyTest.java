package io.careledger.command.complaint.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.careledger.api.complaint.ComplaintCategory;
import io.careledger.api.complaint.Department;
import io.careledger.api.complaint.Severity;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RoutingPolicyTest {

    private final RoutingPolicy defaults = RoutingPolicy.defaults();

    /** DOMAIN.md §4: each category's own department, and who has the case once it is at level 3. */
    @ParameterizedTest(name = "{0} goes to {1}, at level 3 to {2}")
    @CsvSource({
            "PRICE_DISPUTE,     STORE_SERVICE_DESK,           HEAD_OFFICE_AFTER_SALES",
            "WRONG_ITEM,        STORE_SERVICE_DESK,           HEAD_OFFICE_AFTER_SALES",
            "EQUIPMENT_FAILURE, STORE_OPERATIONS,             HEAD_OFFICE_AFTER_SALES",
            "PRODUCT_QUALITY,   QUALITY_CONTROL,              QUALITY_CONTROL",
            "FOOD_SAFETY,       QUALITY_CONTROL,              QUALITY_CONTROL",
            "FRESH_SPOILAGE,    WAREHOUSING_AND_DISTRIBUTION, HEAD_OFFICE_AFTER_SALES",
            "PACKAGING_DAMAGE,  WAREHOUSING_AND_DISTRIBUTION, HEAD_OFFICE_AFTER_SALES",
            "DELIVERY,          WAREHOUSING_AND_DISTRIBUTION, HEAD_OFFICE_AFTER_SALES",
            "STAFF_ATTITUDE,    SALES,                        HEAD_OFFICE_AFTER_SALES",
            "BATCH_COMPLAINT,   HEAD_OFFICE_AFTER_SALES,      HEAD_OFFICE_AFTER_SALES"})
    void defaultsFollowTheDomainTable(ComplaintCategory category, Department own, Department atHighestLevel) {
        assertThat(defaults.departmentFor(category, Severity.LEVEL_1)).isEqualTo(own);
        assertThat(defaults.departmentFor(category, Severity.LEVEL_2)).isEqualTo(own);
        assertThat(defaults.departmentFor(category, Severity.LEVEL_3)).isEqualTo(atHighestLevel);
    }

    @Test
    void defaultsCarryTheirVersion() {
        assertThat(defaults.version()).isEqualTo("routing-2026.1");
    }

    @ParameterizedTest
    @EnumSource(ComplaintCategory.class)
    void refusesATableWithoutACategory(ComplaintCategory missing) {
        Map<ComplaintCategory, Department> departments = new EnumMap<>(defaults.departments());
        departments.remove(missing);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RoutingPolicy("v2", departments, Department.HEAD_OFFICE_AFTER_SALES,
                        defaults.handlesHighestLevel()))
                .withMessageContaining(missing.name());
    }

    @Test
    void refusesAHighestLevelDepartmentThatWouldHandItsCasesOn() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RoutingPolicy("v2", defaults.departments(), Department.SALES,
                        Set.of(Department.HEAD_OFFICE_AFTER_SALES)));
    }
}
