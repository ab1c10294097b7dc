package io.careledger.command.customer.policy;

import io.careledger.api.customer.Tier;
import io.careledger.command.common.PolicyTables;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What membership gives and watches (DOMAIN.md §2): points per purchase, the cumulative-spend milestones that
 * earn a thank-you, when a member counts as dormant and how early a birthday is noticed. The sources name these
 * benefits but no numbers, so they are data; the events they shape record {@link #version()}.
 *
 * @param currency              the currency every purchase line must be priced in
 * @param pointsPerCurrencyUnit points for each whole currency unit of a purchase's total, before the multiplier
 * @param tierMultipliers       how much more a tier earns than the base rate (1 = the base rate)
 * @param spendMilestones       cumulative-spend amounts, strictly ascending, each earning a thank-you once
 * @param dormancyPeriod        how long without a purchase makes a member dormant
 * @param birthdayLeadDays      how many days before a birthday the birthday is noticed
 */
public record MembershipPolicy(
        String version,
        String currency,
        int pointsPerCurrencyUnit,
        Map<Tier, BigDecimal> tierMultipliers,
        List<BigDecimal> spendMilestones,
        Duration dormancyPeriod,
        int birthdayLeadDays) {

    /** A year: a lead time beyond it would name next year's birthday before this year's has passed. */
    private static final int MAX_LEAD_DAYS = 365;

    public MembershipPolicy {
        version = PolicyTables.version(version);
        currency = PolicyTables.currency(currency);
        if (pointsPerCurrencyUnit < 0) {
            throw new IllegalArgumentException("pointsPerCurrencyUnit must not be negative");
        }
        tierMultipliers = multipliers(PolicyTables.complete(tierMultipliers, Tier.class, "tierMultipliers"));
        spendMilestones = milestones(spendMilestones);
        dormancyPeriod = PolicyTables.positive(dormancyPeriod, "dormancyPeriod");
        if (birthdayLeadDays < 0 || birthdayLeadDays > MAX_LEAD_DAYS) {
            throw new IllegalArgumentException("birthdayLeadDays must be from 0 to " + MAX_LEAD_DAYS);
        }
    }

    /**
     * Membership-2026.1: a point per yuan, more for higher tiers, thank-yous at 10,000 / 50,000 / 100,000 yuan,
     * dormant after 180 days, birthdays noticed a week ahead. Our choices where the sources give no numbers.
     */
    public static MembershipPolicy defaults() {
        return new MembershipPolicy("membership-2026.1", "CNY", 1,
                Map.of(Tier.MEMBER, BigDecimal.ONE, Tier.SILVER, new BigDecimal("1.2"),
                        Tier.GOLD, new BigDecimal("1.5"), Tier.PLATINUM, new BigDecimal("2")),
                List.of(new BigDecimal("10000"), new BigDecimal("50000"), new BigDecimal("100000")),
                Duration.ofDays(180), 7);
    }

    /** Trailing zeros dropped, so "1.50" and "1.5" are one multiplier and a policy equals its configured twin. */
    private static Map<Tier, BigDecimal> multipliers(Map<Tier, BigDecimal> table) {
        EnumMap<Tier, BigDecimal> copy = new EnumMap<>(Tier.class);
        table.forEach((tier, multiplier) -> {
            if (multiplier.signum() < 0) {
                throw new IllegalArgumentException("the multiplier of " + tier + " must not be negative");
            }
            BigDecimal plain = multiplier.stripTrailingZeros();
            copy.put(tier, plain.scale() < 0 ? plain.setScale(0) : plain);
        });
        return Collections.unmodifiableMap(copy);
    }

    private static List<BigDecimal> milestones(List<BigDecimal> milestones) {
        if (milestones == null) {
            throw new IllegalArgumentException("spendMilestones is required (it may be empty)");
        }
        List<BigDecimal> amounts = milestones.stream()
                .map(milestone -> PolicyTables.amount(milestone, "spend milestone"))
                .toList();
        for (int i = 0; i < amounts.size(); i++) {
            if (amounts.get(i).signum() == 0 || i > 0 && amounts.get(i).compareTo(amounts.get(i - 1)) <= 0) {
                throw new IllegalArgumentException("spendMilestones must be positive and strictly ascending");
            }
        }
        return amounts;
    }

    /**
     * Points for a purchase of {@code total} by a customer at {@code tier}: only whole currency units earn (99.99
     * earns as 99), then the tier's multiplier applies and any fraction of a point is dropped. The tier is the
     * one the customer had when buying; an upgrade that this purchase causes applies from the next one.
     */
    public long pointsFor(BigDecimal total, Tier tier) {
        BigDecimal wholeUnits = total.setScale(0, RoundingMode.DOWN);
        return wholeUnits.multiply(BigDecimal.valueOf(pointsPerCurrencyUnit))
                .multiply(tierMultipliers.get(tier))
                .setScale(0, RoundingMode.DOWN)
                .longValueExact();
    }

    /**
     * The milestones a purchase passed by taking the cumulative spend from {@code before} to {@code after}: those
     * above {@code before} and at most {@code after}. Reaching a milestone exactly counts; each is passed once,
     * since cumulative spend only grows.
     */
    public List<BigDecimal> milestonesCrossed(BigDecimal before, BigDecimal after) {
        return spendMilestones.stream()
                .filter(milestone -> milestone.compareTo(before) > 0 && milestone.compareTo(after) <= 0)
                .toList();
    }
}
