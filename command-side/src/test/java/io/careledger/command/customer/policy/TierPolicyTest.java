package io.careledger.command.customer.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.careledger.api.customer.Tier;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TierPolicyTest {

    private static final Instant END = Instant.parse("2026-03-02T09:00:00Z");
    private final TierPolicy defaults = TierPolicy.defaults();

    /** Each threshold, a cent below and a cent above: a threshold is reached when the spend equals it. */
    @ParameterizedTest(name = "{0} earns {1}")
    @CsvSource({
            "0.00,     MEMBER",
            "4999.99,  MEMBER",
            "5000.00,  SILVER",
            "5000.01,  SILVER",
            "19999.99, SILVER",
            "20000.00, GOLD",
            "20000.01, GOLD",
            "49999.99, GOLD",
            "50000.00, PLATINUM",
            "50000.01, PLATINUM",
            "9999999,  PLATINUM"})
    void defaultsFollowTheThresholds(BigDecimal spend, Tier tier) {
        assertThat(defaults.tierFor(spend)).isEqualTo(tier);
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertThat(defaults.version()).isEqualTo("tiers-2026.1");
        assertThat(defaults.currency()).isEqualTo("CNY");
        assertThat(defaults.rollingWindow()).isEqualTo(Duration.ofDays(365));
    }

    /** The window is (end - 365 days, end]: its start is out, its end is in, anything after the end is out. */
    @ParameterizedTest(name = "{0} before the end: inside {1}")
    @CsvSource({
            "P365D,            false",
            "P365DT0.001S,     false",
            "PT8759H59M59.999S, true",
            "P100D,            true",
            "PT0S,             true",
            "-PT1S,            false"})
    void theWindowExcludesItsStartAndIncludesItsEnd(Duration age, boolean inside) {
        assertThat(defaults.inWindow(END.minus(age), END)).isEqualTo(inside);
    }

    @Test
    void sumsOnlyTheSpendsInsideTheWindow() {
        List<Spend> spends = List.of(
                new Spend(END.minus(Duration.ofDays(365)), new BigDecimal("1000.00")),
                new Spend(END.minus(Duration.ofDays(364)), new BigDecimal("250.10")),
                new Spend(END, new BigDecimal("0.01")),
                new Spend(END.plusSeconds(1), new BigDecimal("9999.00")));
        assertThat(defaults.rollingSpend(spends, END)).isEqualTo(new BigDecimal("250.11"));
    }

    @Test
    void anEmptyWindowSpendsZeroAtMoneyScale() {
        assertThat(defaults.rollingSpend(List.of(), END)).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void equalAmountsMakeEqualPolicies() {
        Map<Tier, BigDecimal> thresholds = new EnumMap<>(defaults.thresholds());
        thresholds.put(Tier.GOLD, new BigDecimal("20000"));
        assertThat(new TierPolicy("tiers-2026.1", "CNY", Duration.ofDays(365), thresholds)).isEqualTo(defaults);
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void refusesATableWithoutATier(Tier missing) {
        Map<Tier, BigDecimal> thresholds = new EnumMap<>(defaults.thresholds());
        thresholds.remove(missing);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TierPolicy("v2", "CNY", Duration.ofDays(365), thresholds))
                .withMessageContaining(missing.name());
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({"MEMBER, 1", "SILVER, 20000", "GOLD, 5000", "PLATINUM, 20000", "GOLD, 20000.001", "SILVER, -1"})
    void refusesThresholdsThatDoNotRiseFromZero(Tier tier, BigDecimal threshold) {
        Map<Tier, BigDecimal> thresholds = new EnumMap<>(defaults.thresholds());
        thresholds.put(tier, threshold);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TierPolicy("v2", "CNY", Duration.ofDays(365), thresholds));
    }

    @Test
    void refusesAWindowThatIsNotPositive() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TierPolicy("v2", "CNY", Duration.ZERO, defaults.thresholds()));
    }

    @Test
    void refusesAnUnknownCurrencyOrNoVersion() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TierPolicy("v2", "XYZ1", Duration.ofDays(1), defaults.thresholds()));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TierPolicy(" ", "CNY", Duration.ofDays(1), defaults.thresholds()));
    }

    @Test
    void cannotBeChangedAfterConstruction() {
        Map<Tier, BigDecimal> thresholds = new EnumMap<>(defaults.thresholds());
        TierPolicy policy = new TierPolicy("v2", "CNY", Duration.ofDays(365), thresholds);
        thresholds.put(Tier.PLATINUM, new BigDecimal("99999"));
        assertThat(policy.thresholds()).containsEntry(Tier.PLATINUM, new BigDecimal("50000.00"));
    }
}
