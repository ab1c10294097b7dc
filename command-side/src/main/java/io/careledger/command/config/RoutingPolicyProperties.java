package io.careledger.command.config;

import io.careledger.api.complaint.ComplaintCategory;
import io.careledger.api.complaint.Department;
import io.careledger.command.complaint.policy.RoutingPolicy;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Operators' changes to {@link RoutingPolicy#defaults()}, e.g.
 * {@code careledger.policy.routing.categories.DELIVERY=STORE_OPERATIONS} with a new {@code version}.
 *
 * @param categories             department per category; unnamed categories keep their default department
 * @param highestLevelDepartment replaces the default when given
 * @param handlesHighestLevel    replaces the whole default set when given
 */
@ConfigurationProperties(RoutingPolicyProperties.PREFIX)
public record RoutingPolicyProperties(
        String version,
        Map<ComplaintCategory, Department> categories,
        Department highestLevelDepartment,
        Set<Department> handlesHighestLevel) {

    static final String PREFIX = "careledger.policy.routing";

    RoutingPolicy toPolicy() {
        RoutingPolicy defaults = RoutingPolicy.defaults();
        Map<ComplaintCategory, Department> departments = PolicyOverrides.merge(defaults.departments(), categories);
        Department highest = Objects.requireNonNullElse(highestLevelDepartment, defaults.highestLevelDepartment());
        Set<Department> handlers = Objects.requireNonNullElse(handlesHighestLevel, defaults.handlesHighestLevel());
        boolean changed = !departments.equals(defaults.departments())
                || highest != defaults.highestLevelDepartment()
                || !handlers.equals(defaults.handlesHighestLevel());
        return new RoutingPolicy(PolicyOverrides.version(PREFIX + ".version", version, defaults.version(), changed),
                departments, highest, handlers);
    }
}
