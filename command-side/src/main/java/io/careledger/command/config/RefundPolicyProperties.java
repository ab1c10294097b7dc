package io.careledger.command.config;

import io.careledger.api.refund.RefundReason;
import io.careledger.command.refund.policy.RefundApprovalPolicy;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Operators' changes to {@link RefundApprovalPolicy#defaults()}, e.g.
 * {@code careledger.policy.refund.automatic-limit=300} with a new {@code version}. Each value given replaces its
 * default; a set given replaces the whole default set.
 */
@ConfigurationProperties(RefundPolicyProperties.PREFIX)
public record RefundPolicyProperties(
        String version,
        String currency,
        Set<RefundReason> routineReasons,
        Set<String> freshCategories,
        Set<String> fastMovingCategories,
        BigDecimal automaticLimit,
        BigDecimal frontlineLimit,
        Duration abuseWindow,
        Integer abuseLimit,
        BigDecimal nearExpiryShare,
        BigDecimal missingGiftCoupon,
        Duration missingGiftResendWithin,
        BigDecimal freshSpoilageCoupon,
        Duration reviewWithin,
        Duration paymentWithin) {

    static final String PREFIX = "careledger.policy.refund";

    RefundApprovalPolicy toPolicy() {
        RefundApprovalPolicy d = RefundApprovalPolicy.defaults();
        RefundApprovalPolicy configured = new RefundApprovalPolicy(d.version(),
                Objects.requireNonNullElse(currency, d.currency()),
                Objects.requireNonNullElse(routineReasons, d.routineReasons()),
                Objects.requireNonNullElse(freshCategories, d.freshCategories()),
                Objects.requireNonNullElse(fastMovingCategories, d.fastMovingCategories()),
                Objects.requireNonNullElse(automaticLimit, d.automaticLimit()),
                Objects.requireNonNullElse(frontlineLimit, d.frontlineLimit()),
                Objects.requireNonNullElse(abuseWindow, d.abuseWindow()),
                Objects.requireNonNullElse(abuseLimit, d.abuseLimit()),
                Objects.requireNonNullElse(nearExpiryShare, d.nearExpiryShare()),
                Objects.requireNonNullElse(missingGiftCoupon, d.missingGiftCoupon()),
                Objects.requireNonNullElse(missingGiftResendWithin, d.missingGiftResendWithin()),
                Objects.requireNonNullElse(freshSpoilageCoupon, d.freshSpoilageCoupon()),
                Objects.requireNonNullElse(reviewWithin, d.reviewWithin()),
                Objects.requireNonNullElse(paymentWithin, d.paymentWithin()));
        boolean changed = !configured.equals(d);
        return configured.withVersion(
                PolicyOverrides.version(PREFIX + ".version", version, d.version(), changed));
    }
}
