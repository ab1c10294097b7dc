package io.careledger.command.refund.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.careledger.api.common.Money;
import io.careledger.api.refund.Coupon;
import io.careledger.api.refund.RefundReason;
import io.careledger.api.refund.RefundRule;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RefundApprovalPolicyTest {

    private static final RefundApprovalPolicy POLICY = RefundApprovalPolicy.defaults();

    private static RefundVerdict decide(String amount, RefundReason reason, String category, boolean photo,
                                        int recent) {
        return POLICY.decide(new RefundFacts(Money.of(amount, "CNY"), reason, List.of(category), photo, recent));
    }

    /** Each rule and each boundary; an empty rule means "waits for a supervisor". */
    @ParameterizedTest(name = "{0} {1} {2} photo={3} recent={4} -> {5} {6}")
    @CsvSource(nullValues = "-", value = {
            // fresh spoilage: photo, fresh, within the automatic limit, under the abuse limit
            "200.00, SPOILED, FRESH, true, 0, FRESH_SPOILAGE_INSTANT, 200.00",
            "200.01, SPOILED, FRESH, true, 0, -, -",
            "30.00, SPOILED, FRESH, true, 2, FRESH_SPOILAGE_INSTANT, 30.00",
            "30.00, SPOILED, FRESH, true, 3, -, -",
            // without a photo or not fresh it is an ordinary routine reason
            "30.00, SPOILED, FRESH, false, 0, ROUTINE_AUTOMATIC, 30.00",
            "30.00, SPOILED, TEXTILES, true, 0, ROUTINE_AUTOMATIC, 30.00",
            // near expiry: 80% rounded half-up to the cent, any amount
            "10.00, NEAR_EXPIRY, DAIRY, false, 0, NEAR_EXPIRY_PARTIAL, 8.00",
            "0.05, NEAR_EXPIRY, DAIRY, false, 0, NEAR_EXPIRY_PARTIAL, 0.04",
            "999.99, NEAR_EXPIRY, DAIRY, false, 0, NEAR_EXPIRY_PARTIAL, 799.99",
            "10.00, NEAR_EXPIRY, DAIRY, false, 3, -, -",
            // missing gift: nothing to pay (a coupon and a resend)
            "0.00, MISSING_GIFT, SNACKS, false, 0, MISSING_GIFT_RESEND, 0.00",
            // routine reasons up to the automatic limit
            "200.00, QUALITY, TEXTILES, false, 0, ROUTINE_AUTOMATIC, 200.00",
            "200.01, QUALITY, TEXTILES, false, 0, -, -",
            "200.00, WRONG_ITEM, TEXTILES, false, 0, ROUTINE_AUTOMATIC, 200.00",
            "200.00, DAMAGED_IN_DELIVERY, TEXTILES, false, 0, ROUTINE_AUTOMATIC, 200.00",
            "200.00, PRICE_DIFFERENCE, TEXTILES, false, 0, ROUTINE_AUTOMATIC, 200.00",
            "200.00, QUALITY, TEXTILES, false, 2, ROUTINE_AUTOMATIC, 200.00",
            "10.00, QUALITY, TEXTILES, false, 3, -, -",
            // other reasons: the frontline limit
            "50.00, CHANGED_MIND, TEXTILES, false, 0, FRONTLINE_AUTHORITY, 50.00",
            "50.01, CHANGED_MIND, TEXTILES, false, 0, -, -",
            "50.00, CHANGED_MIND, TEXTILES, false, 3, -, -",
    })
    void decides(String amount, RefundReason reason, String category, boolean photo, int recent, RefundRule rule,
                 String paid) {
        RefundVerdict verdict = decide(amount, reason, category, photo, recent);
        assertThat(verdict.rule()).isEqualTo(rule);
        assertThat(verdict.approved()).isEqualTo(rule != null);
        assertThat(verdict.amount()).isEqualTo(paid == null ? null : Money.of(paid, "CNY"));
        assertThat(verdict.policyVersion()).isEqualTo("refund-2026.1");
        assertThat(verdict.inputs().recentRefunds()).isEqualTo(recent);
        assertThat(verdict.inputs().requestedAmount()).isEqualTo(Money.of(amount, "CNY"));
        assertThat(verdict.inputs().recentRefundWindowDays()).isEqualTo(30);
    }

    @Test
    void freshSpoilageIsPaidAtOnceWithACouponOfTheSameCategory() {
        RefundVerdict verdict = decide("18.50", RefundReason.SPOILED, "BAKERY", true, 0);
        assertThat(verdict.instant()).isTrue();
        assertThat(verdict.automatic()).isTrue();
        assertThat(verdict.coupon()).isEqualTo(new Coupon(Money.of("10.00", "CNY"), "BAKERY"));
    }

    @Test
    void freshSpoilageNeedsEveryLineFresh() {
        RefundVerdict verdict = POLICY.decide(new RefundFacts(Money.of("20.00", "CNY"), RefundReason.SPOILED,
                List.of("BAKERY", "TEXTILES"), true, 0));
        assertThat(verdict.rule()).isEqualTo(RefundRule.ROUTINE_AUTOMATIC);
        assertThat(verdict.instant()).isFalse();
    }

    @Test
    void missingGiftGivesATenYuanCouponWithoutCategoryAndADayToResend() {
        RefundVerdict verdict = decide("0.00", RefundReason.MISSING_GIFT, "SNACKS", false, 0);
        assertThat(verdict.coupon()).isEqualTo(new Coupon(Money.of("10.00", "CNY"), null));
        assertThat(verdict.settleWithin()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void frontlineApprovalIsTheStaffMembersNotAutomatic() {
        RefundVerdict verdict = decide("20.00", RefundReason.CHANGED_MIND, "TEXTILES", false, 0);
        assertThat(verdict.automatic()).isFalse();
        assertThat(verdict.settleWithin()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void aSupervisorApprovesTheRequestedAmountWithTheInputsSeenAtTheRequest() {
        RefundVerdict waiting = decide("500.00", RefundReason.QUALITY, "TEXTILES", false, 1);
        RefundVerdict approved = POLICY.supervisorApproval(waiting.inputs());
        assertThat(approved.rule()).isEqualTo(RefundRule.SUPERVISOR);
        assertThat(approved.amount()).isEqualTo(Money.of("500.00", "CNY"));
        assertThat(approved.inputs()).isEqualTo(waiting.inputs());
        assertThat(approved.automatic()).isFalse();
    }

    @Test
    void freshAndFastMovingGoodsNeedNoPackaging() {
        assertThat(POLICY.packagingExempt("PRODUCE")).isTrue();
        assertThat(POLICY.packagingExempt("BEVERAGES")).isTrue();
        assertThat(POLICY.packagingExempt("TEXTILES")).isFalse();
    }

    @Test
    void refusesAnIncompleteTable() {
        RefundApprovalPolicy d = POLICY;
        assertThatIllegalArgumentException().isThrownBy(() -> new RefundApprovalPolicy(d.version(), d.currency(),
                d.routineReasons(), d.freshCategories(), d.fastMovingCategories(), d.automaticLimit(),
                d.frontlineLimit(), d.abuseWindow(), 0, d.nearExpiryShare(), d.missingGiftCoupon(),
                d.missingGiftResendWithin(), d.freshSpoilageCoupon(), d.reviewWithin(), d.paymentWithin()));
        assertThatIllegalArgumentException().isThrownBy(() -> new RefundApprovalPolicy(d.version(), d.currency(),
                d.routineReasons(), d.freshCategories(), d.fastMovingCategories(), d.automaticLimit(),
                d.frontlineLimit(), d.abuseWindow(), 3, new BigDecimal("1.01"), d.missingGiftCoupon(),
                d.missingGiftResendWithin(), d.freshSpoilageCoupon(), d.reviewWithin(), d.paymentWithin()));
        assertThatIllegalArgumentException().isThrownBy(() -> new RefundApprovalPolicy("", d.currency(),
                d.routineReasons(), d.freshCategories(), d.fastMovingCategories(), d.automaticLimit(),
                d.frontlineLimit(), d.abuseWindow(), 3, d.nearExpiryShare(), d.missingGiftCoupon(),
                d.missingGiftResendWithin(), d.freshSpoilageCoupon(), d.reviewWithin(), d.paymentWithin()));
    }
}
