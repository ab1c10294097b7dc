package io.careledger.command.config;

import io.careledger.api.customer.Tier;
import io.careledger.command.customer.policy.TierPolicy;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Operators' changes to {@link TierPolicy#defaults()}, e.g. {@code careledger.policy.tier.thresholds.GOLD=25000}
 * and {@code careledger.policy.tier.rolling-window=P730D}, with a new {@code version}.
 *
 * @param currency      replaces the default currency when given; must equal the membership policy's
 * @param rollingWindow replaces the default window when given
 * @param thresholds    spend threshold per tier; unnamed tiers keep their default threshold
 */
@ConfigurationProperties(TierPolicyProperties.PREFIX)
public record TierPolicyProperties(
        String version,
        String currency,
        Duration rollingWindow,
        Map<Tier, BigDecimal> thresholds) {

    static final String PREFIX = "careledger.policy.tier";

    TierPolicy toPolicy() {
        TierPolicy defaults = TierPolicy.defaults();
        TierPolicy configured = new TierPolicy(defaults.version(),
                Objects.requireNonNullElse(currency, defaults.currency()),
                Objects.requireNonNullElse(rollingWindow, defaults.rollingWindow()),
                PolicyOverrides.merge(defaults.thresholds(), thresholds));
        boolean changed = !configured.equals(defaults);
        return new TierPolicy(PolicyOverrides.version(PREFIX + ".version", version, defaults.version(), changed),
                configured.currency(), configured.rollingWindow(), configured.thresholds());
    }
}
