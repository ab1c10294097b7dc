package io.careledger.command.config;

import io.careledger.command.care.policy.CarePolicy;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Operators' changes to {@link CarePolicy#defaults()}, e.g. {@code careledger.policy.care.zone=Asia/Hong_Kong}
 * or {@code careledger.policy.care.purchase-follow-up-delay=P10D}, with a new {@code version}. Each value given
 * replaces its default.
 */
@ConfigurationProperties(CarePolicyProperties.PREFIX)
public record CarePolicyProperties(
        String version,
        ZoneId zone,
        Duration purchaseFollowUpDelay,
        Duration satisfactionFollowUpDelay,
        Duration reconnectDueDelay) {

    static final String PREFIX = "careledger.policy.care";

    CarePolicy toPolicy() {
        CarePolicy defaults = CarePolicy.defaults();
        CarePolicy configured = new CarePolicy(defaults.version(),
                Objects.requireNonNullElse(zone, defaults.zone()),
                Objects.requireNonNullElse(purchaseFollowUpDelay, defaults.purchaseFollowUpDelay()),
                Objects.requireNonNullElse(satisfactionFollowUpDelay, defaults.satisfactionFollowUpDelay()),
                Objects.requireNonNullElse(reconnectDueDelay, defaults.reconnectDueDelay()));
        boolean changed = !configured.equals(defaults);
        return new CarePolicy(PolicyOverrides.version(PREFIX + ".version", version, defaults.version(), changed),
                configured.zone(), configured.purchaseFollowUpDelay(), configured.satisfactionFollowUpDelay(),
                configured.reconnectDueDelay());
    }
}
