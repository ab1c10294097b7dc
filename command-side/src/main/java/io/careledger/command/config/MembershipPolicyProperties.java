package io.careledger.command.config;

import io.careledger.api.customer.Tier;
import io.careledger.command.customer.policy.MembershipPolicy;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Operators' changes to {@link MembershipPolicy#defaults()}, e.g.
 * {@code careledger.policy.membership.tier-multipliers.GOLD=1.8} and
 * {@code careledger.policy.membership.spend-milestones=20000,80000}, with a new {@code version}.
 *
 * @param tierMultipliers points multiplier per tier; unnamed tiers keep their default multiplier
 * @param spendMilestones replaces the whole default list when given
 */
@ConfigurationProperties(MembershipPolicyProperties.PREFIX)
public record MembershipPolicyProperties(
        String version,
        String currency,
        Integer pointsPerCurrencyUnit,
        Map<Tier, BigDecimal> tierMultipliers,
        List<BigDecimal> spendMilestones,
        Duration dormancyPeriod,
        Integer birthdayLeadDays) {

    static final String PREFIX = "careledger.policy.membership";

    MembershipPolicy toPolicy() {
        MembershipPolicy defaults = MembershipPolicy.defaults();
        MembershipPolicy configured = new MembershipPolicy(defaults.version(),
                Objects.requireNonNullElse(currency, defaults.currency()),
                Objects.requireNonNullElse(pointsPerCurrencyUnit, defaults.pointsPerCurrencyUnit()),
                PolicyOverrides.merge(defaults.tierMultipliers(), tierMultipliers),
                Objects.requireNonNullElse(spendMilestones, defaults.spendMilestones()),
                Objects.requireNonNullElse(dormancyPeriod, defaults.dormancyPeriod()),
                Objects.requireNonNullElse(birthdayLeadDays, defaults.birthdayLeadDays()));
        boolean changed = !configured.equals(defaults);
        return new MembershipPolicy(
                PolicyOverrides.version(PREFIX + ".version", version, defaults.version(), changed),
                configured.currency(), configured.pointsPerCurrencyUnit(), configured.tierMultipliers(),
                configured.spendMilestones(), configured.dormancyPeriod(), configured.birthdayLeadDays());
    }
}
