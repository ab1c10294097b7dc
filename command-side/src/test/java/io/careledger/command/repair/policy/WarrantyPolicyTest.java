package io.careledger.command.repair.policy;

import static io.careledger.api.repair.Material.LEATHER;
import static io.careledger.api.repair.Material.OTHER;
import static io.careledger.api.repair.Material.TEXTILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.careledger.api.common.Money;
import io.careledger.api.repair.FreeCareService;
import io.careledger.api.repair.Material;
import io.careledger.api.repair.RepairPath;
import io.careledger.api.repair.WarrantyDecision;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WarrantyPolicyTest {

    private static final WarrantyPolicy POLICY = WarrantyPolicy.defaults();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Sold late in the evening in Shanghai: still 2026-01-31 there, though already the 31st 14:00 UTC. */
    private static final LocalDate SOLD_ON = LocalDate.parse("2026-01-31");
    private static final Instant SOLD_AT = SOLD_ON.atTime(22, 30).atZone(SHANGHAI).toInstant();

    private static Instant on(String date) {
        return LocalDate.parse(date).atTime(10, 0).atZone(SHANGHAI).toInstant();
    }

    /** The return window (day 14/15) and each material's warranty end (3 months, 6 months, end of month). */
    @ParameterizedTest(name = "{0} registered {1}, misuse {2} -> {3}")
    @CsvSource({
            "TEXTILE, 2026-02-14, false, RETURN_OR_EXCHANGE, 14",
            "TEXTILE, 2026-02-15, false, FREE_REPAIR, 15",
            "TEXTILE, 2026-02-15, true, PAID_REPAIR, 15",
            "TEXTILE, 2026-02-14, true, RETURN_OR_EXCHANGE, 14",
            // 3 months after 31 January is 30 April (no 31 April): the last free day
            "TEXTILE, 2026-04-30, false, FREE_REPAIR, 89",
            "TEXTILE, 2026-05-01, false, PAID_REPAIR, 90",
            "LEATHER, 2026-04-30, false, FREE_REPAIR, 89",
            "LEATHER, 2026-07-31, false, FREE_REPAIR, 181",
            "LEATHER, 2026-08-01, false, PAID_REPAIR, 182",
            "LEATHER, 2026-07-31, true, PAID_REPAIR, 181",
            "OTHER, 2026-02-15, false, PAID_REPAIR, 15",
            "OTHER, 2026-02-14, false, RETURN_OR_EXCHANGE, 14",
    })
    void decidesThePath(Material material, String registeredOn, boolean misuse, RepairPath path, long days) {
        WarrantyDecision decision = POLICY.decide(material, SOLD_AT, on(registeredOn), misuse);

        assertThat(decision.path()).isEqualTo(path);
        assertThat(decision.daysSinceSale()).isEqualTo(days);
        assertThat(decision.soldOn()).isEqualTo(SOLD_ON);
        assertThat(decision.registeredOn()).isEqualTo(LocalDate.parse(registeredOn));
        assertThat(decision.policyVersion()).isEqualTo("warranty-2026.1");
        assertThat(decision.misuseSuspected()).isEqualTo(misuse);
        assertThat(decision.freeOfCharge()).isEqualTo(path == RepairPath.FREE_REPAIR);
    }

    @Test
    void theWarrantyEndsTheMaterialsMonthsAfterTheSale() {
        assertThat(POLICY.decide(TEXTILE, SOLD_AT, on("2026-03-01"), false).warrantyEndsOn())
                .isEqualTo(LocalDate.parse("2026-04-30"));
        assertThat(POLICY.decide(LEATHER, SOLD_AT, on("2026-03-01"), false).warrantyEndsOn())
                .isEqualTo(LocalDate.parse("2026-07-31"));
        assertThat(POLICY.decide(OTHER, SOLD_AT, on("2026-03-01"), false).warrantyEndsOn()).isNull();
    }

    /** 5% up to day 30, 10% days 31-60, 20% days 61-90, 30% beyond (policy data). */
    @ParameterizedTest(name = "day {0} -> {1}")
    @CsvSource({
            "0, 0.05, 50.00", "30, 0.05, 50.00", "31, 0.1, 100.00", "60, 0.1, 100.00", "61, 0.2, 200.00",
            "90, 0.2, 200.00", "91, 0.3, 300.00", "400, 0.3, 300.00"})
    void depreciatesBySchedule(long days, BigDecimal rate, String fee) {
        assertThat(POLICY.depreciationRate(days)).isEqualByComparingTo(rate);
        assertThat(POLICY.depreciationFee(Money.of("1000.00", "CNY"), days)).isEqualTo(Money.of(fee, "CNY"));
    }

    @Test
    void feesRoundHalfUpToTheCent() {
        assertThat(POLICY.depreciationFee(Money.of("99.90", "CNY"), 10)).isEqualTo(Money.of("5.00", "CNY"));
        assertThat(POLICY.depreciationFee(Money.of("0.10", "CNY"), 10)).isEqualTo(Money.of("0.01", "CNY"));
    }

    @Test
    void daysCountInThePolicysZone() {
        assertThat(POLICY.daysSinceSale(SOLD_AT, on("2026-03-02"))).isEqualTo(30);
        assertThat(POLICY.daysSinceSale(SOLD_AT, on("2026-03-03"))).isEqualTo(31);
    }

    @Test
    void refusesAnIncompleteOrImpossibleTable() {
        List<WarrantyPolicy.DepreciationBand> bands = POLICY.depreciation();
        assertThatIllegalArgumentException().isThrownBy(() -> new WarrantyPolicy("w", SHANGHAI, 15,
                Map.of(TEXTILE, 3), bands, BigDecimal.ONE, "CNY", Set.of("SUIT"), BigDecimal.TEN, 12));
        assertThatIllegalArgumentException().isThrownBy(() -> new WarrantyPolicy("w", SHANGHAI, 15,
                POLICY.warrantyMonths(), List.of(), BigDecimal.ONE, "CNY", Set.of("SUIT"), BigDecimal.TEN, 12));
        assertThatIllegalArgumentException().isThrownBy(() -> new WarrantyPolicy("w", SHANGHAI, 15,
                POLICY.warrantyMonths(), bands, new BigDecimal("1.5"), "CNY", Set.of("SUIT"), BigDecimal.TEN, 12));
    }

    /** One dry-clean within 12 months for suits of at least 2000 CNY; one care for leather. */
    @ParameterizedTest(name = "{0} {1} {2} {3} on {4} -> {5}")
    @CsvSource(nullValues = "-", value = {
            "DRY_CLEAN, SUIT, TEXTILE, 2000.00, 2026-06-01, -",
            "DRY_CLEAN, SUIT, TEXTILE, 1999.99, 2026-06-01, a free dry-clean is for suits sold for at least 2000.00 CNY",
            "DRY_CLEAN, COAT, TEXTILE, 5000.00, 2026-06-01, 'a free dry-clean is for suits (SUIT)'",
            "DRY_CLEAN, SUIT, TEXTILE, 2000.00, 2027-01-31, -",
            "DRY_CLEAN, SUIT, TEXTILE, 2000.00, 2027-02-01, a free dry-clean is redeemed within 12 months of the sale",
            "LEATHER_CARE, JACKET, LEATHER, 10.00, 2030-01-01, -",
            "LEATHER_CARE, JACKET, TEXTILE, 900.00, 2026-06-01, free care is for leather garments",
    })
    void decidesFreeCare(FreeCareService service, String category, Material material, String price, String on,
                         String refusal) {
        assertThat(POLICY.freeCareRefusal(service, category, material, Money.of(price, "CNY"), SOLD_AT, on(on)))
                .isEqualTo(refusal);
    }
}
