package io.careledger.command.config;

import io.careledger.api.complaint.ComplaintCategory;
import io.careledger.api.complaint.Severity;
import io.careledger.command.complaint.policy.SeverityPolicy;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Operators' changes to {@link SeverityPolicy#defaults()}, e.g.
 * {@code careledger.policy.severity.categories.DELIVERY=LEVEL_1} and
 * {@code careledger.policy.severity.levels.LEVEL_1=PT30M}, with a new {@code version}.
 *
 * @param categories level per category; unnamed categories keep their default level
 * @param levels     first-response deadline per level; unnamed levels keep their default deadline
 */
@ConfigurationProperties(SeverityPolicyProperties.PREFIX)
public record SeverityPolicyProperties(
        String version,
        Map<ComplaintCategory, Severity> categories,
        Map<Severity, Duration> levels) {

    static final String PREFIX = "careledger.policy.severity";

    SeverityPolicy toPolicy() {
        SeverityPolicy defaults = SeverityPolicy.defaults();
        Map<ComplaintCategory, Severity> severities = PolicyOverrides.merge(defaults.severities(), categories);
        Map<Severity, Duration> deadlines = PolicyOverrides.merge(defaults.firstResponseDeadlines(), levels);
        boolean changed = !severities.equals(defaults.severities())
                || !deadlines.equals(defaults.firstResponseDeadlines());
        return new SeverityPolicy(PolicyOverrides.version(PREFIX + ".version", version, defaults.version(), changed),
                severities, deadlines);
    }
}
