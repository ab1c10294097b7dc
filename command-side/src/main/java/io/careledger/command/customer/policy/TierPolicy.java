package io.careledger.command.customer.policy;

import io.careledger.api.customer.Tier;
import io.careledger.command.common.PolicyTables;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Which membership tier a customer's spend earns (DOMAIN.md §2). The sources name tiers and "spend thresholds
 * over a rolling window" but no numbers, so the table is data: the events it shapes ({@code VipUpgraded},
 * {@code VipDowngraded}, {@code TierRetained}) record {@link #version()} and the spend that qualified.
 *
 * @param currency      the currency of the thresholds; purchases are recorded in the same one
 * @param rollingWindow how far back purchases count: the window ending at {@code end} holds the purchases made
 *                      after {@code end - rollingWindow} and at or before {@code end}
 * @param thresholds    the spend from which each tier is reached; MEMBER's is 0 and each higher tier's is above
 *                      the one below it
 */
public record TierPolicy(String version, String currency, Duration rollingWindow, Map<Tier, BigDecimal> thresholds) {

    public TierPolicy {
        version = PolicyTables.version(version);
        currency = PolicyTables.currency(currency);
        rollingWindow = PolicyTables.positive(rollingWindow, "rollingWindow");
        thresholds = PolicyTables.complete(thresholds, Tier.class, "thresholds");
        thresholds = normalised(thresholds);
        if (thresholds.get(Tier.MEMBER).signum() != 0) {
            throw new IllegalArgumentException("the MEMBER threshold must be 0: every customer is a member");
        }
        Tier[] tiers = Tier.values();
        for (int i = 1; i < tiers.length; i++) {
            if (thresholds.get(tiers[i]).compareTo(thresholds.get(tiers[i - 1])) <= 0) {
                throw new IllegalArgumentException("the threshold of " + tiers[i] + " must be above the one of "
                        + tiers[i - 1]);
            }
        }
    }

    /** Tiers-2026.1: CNY thresholds over 365 days, our choice where the sources give no numbers. */
    public static TierPolicy defaults() {
        return new TierPolicy("tiers-2026.1", "CNY", Duration.ofDays(365), Map.of(
                Tier.MEMBER, BigDecimal.ZERO,
                Tier.SILVER, new BigDecimal("5000"),
                Tier.GOLD, new BigDecimal("20000"),
                Tier.PLATINUM, new BigDecimal("50000")));
    }

    private static Map<Tier, BigDecimal> normalised(Map<Tier, BigDecimal> thresholds) {
        EnumMap<Tier, BigDecimal> copy = new EnumMap<>(Tier.class);
        thresholds.forEach((tier, amount) -> copy.put(tier, PolicyTables.amount(amount, "threshold of " + tier)));
        return Collections.unmodifiableMap(copy);
    }

    /** The highest tier whose threshold {@code rollingSpend} reaches (spend equal to a threshold reaches it). */
    public Tier tierFor(BigDecimal rollingSpend) {
        Tier earned = Tier.MEMBER;
        for (Tier tier : Tier.values()) {
            if (rollingSpend.compareTo(thresholds.get(tier)) >= 0) {
                earned = tier;
            }
        }
        return earned;
    }

    /**
     * Whether a purchase made at {@code at} counts in the window ending at {@code end}: after the window's start,
     * which is excluded, and not after its end, which is included. A purchase exactly one window before
     * {@code end} has dropped out, so a window of 365 days never holds two purchases a year apart.
     */
    public boolean inWindow(Instant at, Instant end) {
        return at.isAfter(end.minus(rollingWindow)) && !at.isAfter(end);
    }

    /**
     * The sum of the spends inside the window ending at {@code end}. Purchases may be recorded out of order: a
     * purchase made after {@code end} does not count, whenever it was recorded.
     */
    public BigDecimal rollingSpend(Collection<Spend> spends, Instant end) {
        return spends.stream()
                .filter(spend -> inWindow(spend.at(), end))
                .map(Spend::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(PolicyTables.AMOUNT_SCALE);
    }
}
