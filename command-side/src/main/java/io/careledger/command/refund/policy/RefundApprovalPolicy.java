package io.careledger.command.refund.policy;

import static io.careledger.api.refund.RefundReason.DAMAGED_IN_DELIVERY;
import static io.careledger.api.refund.RefundReason.PRICE_DIFFERENCE;
import static io.careledger.api.refund.RefundReason.QUALITY;
import static io.careledger.api.refund.RefundReason.SPOILED;
import static io.careledger.api.refund.RefundReason.WRONG_ITEM;

import io.careledger.api.common.Money;
import io.careledger.api.refund.Coupon;
import io.careledger.api.refund.RefundDecisionInputs;
import io.careledger.api.refund.RefundReason;
import io.careledger.api.refund.RefundRule;
import io.careledger.command.common.PolicyTables;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who decides a refund (DOMAIN.md §5, "three frees, one fast"), as versioned data. The rules, first match wins:
 * <ol>
 * <li>Abuse guard: a customer with {@code abuseLimit} or more refunds within {@code abuseWindow} always waits for
 * a supervisor, whatever the reason or amount.</li>
 * <li>{@link RefundRule#FRESH_SPOILAGE_INSTANT}: {@code SPOILED}, every line a fresh category, a photo, and at
 * most {@code automaticLimit}: approved and paid at once with a {@code freshSpoilageCoupon} for the first line's
 * category.</li>
 * <li>{@link RefundRule#NEAR_EXPIRY_PARTIAL}: {@code NEAR_EXPIRY}: {@code nearExpiryShare} of the amount
 * (rounded half-up to the cent), no approval needed.</li>
 * <li>{@link RefundRule#MISSING_GIFT_RESEND}: {@code MISSING_GIFT}: nothing to pay, the gift resent within
 * {@code missingGiftResendWithin}, plus a no-minimum {@code missingGiftCoupon}.</li>
 * <li>{@link RefundRule#ROUTINE_AUTOMATIC}: a routine reason and at most {@code automaticLimit}.</li>
 * <li>{@link RefundRule#FRONTLINE_AUTHORITY}: any other reason at most {@code frontlineLimit}: the staff member
 * who takes the request approves it (not automatic).</li>
 * <li>Otherwise a supervisor reviews it.</li>
 * </ol>
 * Limits are inclusive. {@code freshCategories} and {@code fastMovingCategories} are also the goods returned
 * without their original packaging. Commitments: a decision within {@code reviewWithin}, the money within
 * {@code paymentWithin} of approval.
 */
public record RefundApprovalPolicy(
        String version,
        String currency,
        Set<RefundReason> routineReasons,
        Set<String> freshCategories,
        Set<String> fastMovingCategories,
        BigDecimal automaticLimit,
        BigDecimal frontlineLimit,
        Duration abuseWindow,
        int abuseLimit,
        BigDecimal nearExpiryShare,
        BigDecimal missingGiftCoupon,
        Duration missingGiftResendWithin,
        BigDecimal freshSpoilageCoupon,
        Duration reviewWithin,
        Duration paymentWithin) {

    public RefundApprovalPolicy {
        version = PolicyTables.version(version);
        currency = PolicyTables.currency(currency);
        routineReasons = routineReasons == null || routineReasons.isEmpty()
                ? Set.of() : Set.copyOf(EnumSet.copyOf(routineReasons));
        freshCategories = categories(freshCategories, "freshCategories");
        fastMovingCategories = categories(fastMovingCategories, "fastMovingCategories");
        automaticLimit = PolicyTables.amount(automaticLimit, "automaticLimit");
        frontlineLimit = PolicyTables.amount(frontlineLimit, "frontlineLimit");
        abuseWindow = PolicyTables.positive(abuseWindow, "abuseWindow");
        if (abuseLimit < 1) {
            throw new IllegalArgumentException("abuseLimit must be at least 1");
        }
        if (nearExpiryShare == null || nearExpiryShare.signum() <= 0 || nearExpiryShare.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("nearExpiryShare must be more than 0 and at most 1");
        }
        // 0.8 and 0.80 are one share, so equal tables are equal records.
        nearExpiryShare = nearExpiryShare.stripTrailingZeros();
        missingGiftCoupon = PolicyTables.amount(missingGiftCoupon, "missingGiftCoupon");
        missingGiftResendWithin = PolicyTables.positive(missingGiftResendWithin, "missingGiftResendWithin");
        freshSpoilageCoupon = PolicyTables.amount(freshSpoilageCoupon, "freshSpoilageCoupon");
        reviewWithin = PolicyTables.positive(reviewWithin, "reviewWithin");
        paymentWithin = PolicyTables.positive(paymentWithin, "paymentWithin");
    }

    private static Set<String> categories(Set<String> categories, String name) {
        if (categories == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        if (categories.stream().anyMatch(c -> c == null || c.isBlank())) {
            throw new IllegalArgumentException(name + " has a blank category");
        }
        return Set.copyOf(categories);
    }

    /**
     * DOMAIN.md §5: 2 h review, 24 h payment, 80% near-expiry refund, 10 CNY missing-gift coupon resent within
     * 24 h. Not in the sources, chosen here: 200 CNY automatic limit, 50 CNY frontline limit, at most 2 refunds
     * in 30 days before the abuse guard (3 or more wait), a 10 CNY fresh-spoilage coupon, and the categories.
     */
    public static RefundApprovalPolicy defaults() {
        return new RefundApprovalPolicy("refund-2026.1", "CNY",
                EnumSet.of(QUALITY, SPOILED, WRONG_ITEM, DAMAGED_IN_DELIVERY, PRICE_DIFFERENCE),
                Set.of("FRESH", "PRODUCE", "MEAT", "SEAFOOD", "DAIRY", "BAKERY"),
                Set.of("SNACKS", "BEVERAGES", "DAILY_CHEMICALS", "PERSONAL_CARE"),
                new BigDecimal("200"), new BigDecimal("50"), Duration.ofDays(30), 3,
                new BigDecimal("0.80"), new BigDecimal("10"), Duration.ofHours(24), new BigDecimal("10"),
                Duration.ofHours(2), Duration.ofHours(24));
    }

    /** The same table under another version. */
    public RefundApprovalPolicy withVersion(String newVersion) {
        return new RefundApprovalPolicy(newVersion, currency, routineReasons, freshCategories, fastMovingCategories,
                automaticLimit, frontlineLimit, abuseWindow, abuseLimit, nearExpiryShare, missingGiftCoupon,
                missingGiftResendWithin, freshSpoilageCoupon, reviewWithin, paymentWithin);
    }

    /** The same table with another automatic limit (the version stays: give the result a new one). */
    public RefundApprovalPolicy withAutomaticLimit(BigDecimal limit) {
        return new RefundApprovalPolicy(version, currency, routineReasons, freshCategories, fastMovingCategories,
                limit, frontlineLimit, abuseWindow, abuseLimit, nearExpiryShare, missingGiftCoupon,
                missingGiftResendWithin, freshSpoilageCoupon, reviewWithin, paymentWithin);
    }

    /** Whether goods of this category come back without their original packaging (fresh or fast-moving). */
    public boolean packagingExempt(String category) {
        return freshCategories.contains(category) || fastMovingCategories.contains(category);
    }

    public RefundVerdict decide(RefundFacts facts) {
        RefundDecisionInputs inputs = new RefundDecisionInputs(facts.amount(), facts.reason(), facts.categories(),
                facts.photo(), facts.recentRefunds(), abuseWindow.toDays());
        BigDecimal amount = facts.amount().amount();
        if (facts.recentRefunds() >= abuseLimit) {
            return review(inputs);
        }
        if (facts.reason() == SPOILED && facts.photo() && !facts.categories().isEmpty()
                && freshCategories.containsAll(facts.categories()) && amount.compareTo(automaticLimit) <= 0) {
            return approve(RefundRule.FRESH_SPOILAGE_INSTANT, facts.amount(),
                    new Coupon(money(freshSpoilageCoupon), facts.categories().get(0)), true, true, paymentWithin,
                    inputs);
        }
        if (facts.reason() == RefundReason.NEAR_EXPIRY) {
            BigDecimal partial = amount.multiply(nearExpiryShare).setScale(PolicyTables.AMOUNT_SCALE,
                    RoundingMode.HALF_UP);
            return approve(RefundRule.NEAR_EXPIRY_PARTIAL, money(partial), null, true, false, paymentWithin, inputs);
        }
        if (facts.reason() == RefundReason.MISSING_GIFT) {
            return approve(RefundRule.MISSING_GIFT_RESEND, money(BigDecimal.ZERO.setScale(PolicyTables.AMOUNT_SCALE)),
                    new Coupon(money(missingGiftCoupon), null), true, false, missingGiftResendWithin, inputs);
        }
        if (routineReasons.contains(facts.reason()) && amount.compareTo(automaticLimit) <= 0) {
            return approve(RefundRule.ROUTINE_AUTOMATIC, facts.amount(), null, true, false, paymentWithin, inputs);
        }
        if (amount.compareTo(frontlineLimit) <= 0) {
            return approve(RefundRule.FRONTLINE_AUTHORITY, facts.amount(), null, false, false, paymentWithin, inputs);
        }
        return review(inputs);
    }

    /** The inputs a supervisor's decision records: those the policy saw when the request arrived. */
    public RefundVerdict supervisorApproval(RefundDecisionInputs inputs) {
        return approve(RefundRule.SUPERVISOR, inputs.requestedAmount(), null, false, false, paymentWithin, inputs);
    }

    private RefundVerdict approve(RefundRule rule, Money amount, Coupon coupon, boolean automatic, boolean instant,
                                  Duration settleWithin, RefundDecisionInputs inputs) {
        return new RefundVerdict(rule, amount, coupon, automatic, instant, settleWithin, version, inputs);
    }

    private RefundVerdict review(RefundDecisionInputs inputs) {
        return new RefundVerdict(null, null, null, false, false, null, version, inputs);
    }

    private Money money(BigDecimal amount) {
        return new Money(amount, currency);
    }
}
