package io.careledger.command.customer.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.careledger.api.customer.Tier;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MembershipPolicyTest {

    private final MembershipPolicy defaults = MembershipPolicy.defaults();

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertThat(defaults.version()).isEqualTo("membership-2026.1");
        assertThat(defaults.currency()).isEqualTo("CNY");
        assertThat(defaults.pointsPerCurrencyUnit()).isEqualTo(1);
        assertThat(defaults.spendMilestones()).containsExactly(new BigDecimal("10000.00"),
                new BigDecimal("50000.00"), new BigDecimal("100000.00"));
        assertThat(defaults.dormancyPeriod()).isEqualTo(Duration.ofDays(180));
        assertThat(defaults.birthdayLeadDays()).isEqualTo(7);
    }

    /** Whole currency units only, times the tier's multiplier, any fraction of a point dropped. */
    @ParameterizedTest(name = "{0} at {1}: {2} points")
    @CsvSource({
            "0.00,    MEMBER,   0",
            "0.99,    MEMBER,   0",
            "1.00,    MEMBER,   1",
            "99.99,   MEMBER,   99",
            "100.00,  MEMBER,   100",
            "99.99,   SILVER,   118",
            "100.00,  SILVER,   120",
            "1.00,    GOLD,     1",
            "3.00,    GOLD,     4",
            "99.99,   GOLD,     148",
            "99.99,   PLATINUM, 198",
            "12345.67, PLATINUM, 24690"})
    void earnsPointsPerWholeUnitTimesTheTierMultiplierRoundedDown(BigDecimal total, Tier tier, long points) {
        assertThat(defaults.pointsFor(total, tier)).isEqualTo(points);
    }

    @Test
    void aConfiguredRateMultipliesTheWholeUnits() {
        MembershipPolicy threePerYuan = new MembershipPolicy("v2", "CNY", 3, defaults.tierMultipliers(),
                defaults.spendMilestones(), defaults.dormancyPeriod(), 7);
        assertThat(threePerYuan.pointsFor(new BigDecimal("10.99"), Tier.SILVER)).isEqualTo(36);
    }

    /** A milestone is passed when the spend goes from below it to at least it. */
    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = ';', value = {
            "0.00;      9999.99;   ",
            "0.00;      10000.00;  10000.00",
            "9999.99;   10000.00;  10000.00",
            "10000.00;  10000.01;  ",
            "10000.00;  49999.99;  ",
            "9999.99;   50000.00;  10000.00,50000.00",
            "0.00;      250000.00; 10000.00,50000.00,100000.00",
            "100000.00; 250000.00; "})
    void findsTheMilestonesAPurchasePassed(BigDecimal before, BigDecimal after, String passed) {
        List<BigDecimal> expected = passed == null ? List.of()
                : Arrays.stream(passed.split(",")).map(BigDecimal::new).toList();
        assertThat(defaults.milestonesCrossed(before, after)).isEqualTo(expected);
    }

    @Test
    void multipliersWithTrailingZerosMakeEqualPolicies() {
        Map<Tier, BigDecimal> multipliers = new EnumMap<>(defaults.tierMultipliers());
        multipliers.put(Tier.GOLD, new BigDecimal("1.50"));
        assertThat(new MembershipPolicy("membership-2026.1", "CNY", 1, multipliers,
                List.of(new BigDecimal("10000"), new BigDecimal("50000.0"), new BigDecimal("100000")),
                Duration.ofDays(180), 7)).isEqualTo(defaults);
    }

    @Test
    void refusesMilestonesThatDoNotRise() {
        assertThatIllegalArgumentException().isThrownBy(() -> withMilestones(List.of(new BigDecimal("5000"),
                new BigDecimal("5000"))));
        assertThatIllegalArgumentException().isThrownBy(() -> withMilestones(List.of(new BigDecimal("5000"),
                new BigDecimal("1000"))));
        assertThatIllegalArgumentException().isThrownBy(() -> withMilestones(List.of(BigDecimal.ZERO)));
    }

    @Test
    void allowsNoMilestonesAtAll() {
        assertThat(withMilestones(List.of()).milestonesCrossed(BigDecimal.ZERO, new BigDecimal("1000000")))
                .isEmpty();
    }

    @Test
    void refusesInvalidNumbers() {
        Map<Tier, BigDecimal> negative = new EnumMap<>(defaults.tierMultipliers());
        negative.put(Tier.SILVER, new BigDecimal("-1"));
        assertThatIllegalArgumentException().isThrownBy(() -> new MembershipPolicy("v2", "CNY", 1, negative,
                defaults.spendMilestones(), defaults.dormancyPeriod(), 7));
        Map<Tier, BigDecimal> incomplete = new EnumMap<>(defaults.tierMultipliers());
        incomplete.remove(Tier.PLATINUM);
        assertThatIllegalArgumentException().isThrownBy(() -> new MembershipPolicy("v2", "CNY", 1, incomplete,
                defaults.spendMilestones(), defaults.dormancyPeriod(), 7)).withMessageContaining("PLATINUM");
        assertThatIllegalArgumentException().isThrownBy(() -> new MembershipPolicy("v2", "CNY", -1,
                defaults.tierMultipliers(), defaults.spendMilestones(), defaults.dormancyPeriod(), 7));
        assertThatIllegalArgumentException().isThrownBy(() -> new MembershipPolicy("v2", "CNY", 1,
                defaults.tierMultipliers(), defaults.spendMilestones(), Duration.ZERO, 7));
        assertThatIllegalArgumentException().isThrownBy(() -> new MembershipPolicy("v2", "CNY", 1,
                defaults.tierMultipliers(), defaults.spendMilestones(), defaults.dormancyPeriod(), -1));
        assertThatIllegalArgumentException().isThrownBy(() -> new MembershipPolicy("v2", "CNY", 1,
                defaults.tierMultipliers(), defaults.spendMilestones(), defaults.dormancyPeriod(), 366));
    }

    private MembershipPolicy withMilestones(List<BigDecimal> milestones) {
        return new MembershipPolicy("v2", "CNY", 1, defaults.tierMultipliers(), milestones,
                defaults.dormancyPeriod(), 7);
    }
}
