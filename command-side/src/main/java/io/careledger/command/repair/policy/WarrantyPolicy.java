package io.careledger.command.repair.policy;

import io.careledger.api.common.Money;
import io.careledger.api.repair.FreeCareService;
import io.careledger.api.repair.Material;
import io.careledger.api.repair.RepairPath;
import io.careledger.api.repair.WarrantyDecision;
import io.careledger.command.common.PolicyTables;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Warranty and depreciation for specialty-store garments (DOMAIN.md §6), as versioned data. Days are calendar days
 * in {@code zone} from the sale date (day 0) to the registration or declaration date.
 * <ul>
 * <li>Before day {@code returnWindowDays} (days 0-14 by default) the ordinary return or exchange applies.</li>
 * <li>From then on, up to and including the sale date plus the material's {@code warrantyMonths}, a fault not
 * caused by (suspected) misuse is repaired free; a material with 0 months has no warranty.</li>
 * <li>Otherwise the repair is quoted and paid.</li>
 * </ul>
 * An unrepairable item is exchanged for a depreciation fee: the rate of the first band whose {@code upToDays}
 * covers the days since sale (inclusive: day 30 is 5%, day 31 10%), {@code beyondRate} after the last band; the fee
 * is the sale price times the rate, rounded half-up to the cent.
 * <p>
 * Free care: one dry-clean per garment of a {@code suitCategories} category sold for at least
 * {@code dryCleanMinimumPrice} (in {@code currency}), redeemed up to and including the sale date plus
 * {@code dryCleanWithinMonths} ("in the purchase year"); one care service per leather garment.
 */
public record WarrantyPolicy(
        String version,
        ZoneId zone,
        int returnWindowDays,
        Map<Material, Integer> warrantyMonths,
        List<DepreciationBand> depreciation,
        BigDecimal beyondRate,
        String currency,
        Set<String> suitCategories,
        BigDecimal dryCleanMinimumPrice,
        int dryCleanWithinMonths) {

    /** Days since sale up to and including {@code upToDays} cost {@code rate} of the sale price. */
    public record DepreciationBand(int upToDays, BigDecimal rate) {
        public DepreciationBand {
            rate = WarrantyPolicy.rate(rate, "depreciation rate");
            if (upToDays < 0) {
                throw new IllegalArgumentException("upToDays must not be negative");
            }
        }
    }

    public WarrantyPolicy {
        version = PolicyTables.version(version);
        Objects.requireNonNull(zone, "zone is required");
        if (returnWindowDays < 0) {
            throw new IllegalArgumentException("returnWindowDays must not be negative");
        }
        warrantyMonths = PolicyTables.complete(warrantyMonths, Material.class, "warrantyMonths");
        warrantyMonths.forEach((material, months) -> {
            if (months < 0) {
                throw new IllegalArgumentException("warranty months of " + material + " must not be negative");
            }
        });
        if (depreciation == null || depreciation.isEmpty()) {
            throw new IllegalArgumentException("depreciation needs at least one band");
        }
        depreciation = depreciation.stream().sorted(Comparator.comparingInt(DepreciationBand::upToDays)).toList();
        beyondRate = WarrantyPolicy.rate(beyondRate, "beyondRate");
        currency = PolicyTables.currency(currency);
        if (suitCategories == null || suitCategories.stream().anyMatch(c -> c == null || c.isBlank())) {
            throw new IllegalArgumentException("suitCategories must be given and not blank");
        }
        suitCategories = Set.copyOf(suitCategories);
        dryCleanMinimumPrice = PolicyTables.amount(dryCleanMinimumPrice, "dryCleanMinimumPrice");
        if (dryCleanWithinMonths < 0) {
            throw new IllegalArgumentException("dryCleanWithinMonths must not be negative");
        }
    }

    private static BigDecimal rate(BigDecimal rate, String name) {
        if (rate == null || rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(name + " must be from 0 to 1");
        }
        return rate.stripTrailingZeros();
    }

    /**
     * DOMAIN.md §6: textiles 3 months, leather 6 months, the 15-day return window, 5% / 10% / 20% up to 30 / 60 / 90
     * days. Chosen here: no warranty for other materials, 30% beyond 90 days, the zone Asia/Shanghai, free
     * dry-clean for SUIT garments of at least 2000 CNY within 12 months.
     */
    public static WarrantyPolicy defaults() {
        return new WarrantyPolicy("warranty-2026.1", ZoneId.of("Asia/Shanghai"), 15,
                Map.of(Material.TEXTILE, 3, Material.LEATHER, 6, Material.OTHER, 0),
                List.of(new DepreciationBand(30, new BigDecimal("0.05")),
                        new DepreciationBand(60, new BigDecimal("0.10")),
                        new DepreciationBand(90, new BigDecimal("0.20"))),
                new BigDecimal("0.30"), "CNY", Set.of("SUIT"), new BigDecimal("2000"), 12);
    }

    /**
     * Why the garment does not qualify for the free service at {@code at}, or null when it does.
     */
    public String freeCareRefusal(FreeCareService service, String category, Material material, Money salePrice,
                                  Instant soldAt, Instant at) {
        if (service == FreeCareService.LEATHER_CARE) {
            return material == Material.LEATHER ? null : "free care is for leather garments";
        }
        if (!suitCategories.contains(category)) {
            return "a free dry-clean is for suits (" + String.join(", ", suitCategories.stream().sorted().toList())
                    + ")";
        }
        if (!salePrice.currency().equals(currency) || salePrice.amount().compareTo(dryCleanMinimumPrice) < 0) {
            return "a free dry-clean is for suits sold for at least " + dryCleanMinimumPrice.toPlainString() + " "
                    + currency;
        }
        if (date(at).isAfter(date(soldAt).plusMonths(dryCleanWithinMonths))) {
            return "a free dry-clean is redeemed within " + dryCleanWithinMonths + " months of the sale";
        }
        return null;
    }

    public long daysSinceSale(Instant soldAt, Instant at) {
        return ChronoUnit.DAYS.between(date(soldAt), date(at));
    }

    public WarrantyDecision decide(Material material, Instant soldAt, Instant registeredAt, boolean misuseSuspected) {
        LocalDate soldOn = date(soldAt);
        LocalDate registeredOn = date(registeredAt);
        long days = ChronoUnit.DAYS.between(soldOn, registeredOn);
        int months = warrantyMonths.get(material);
        LocalDate warrantyEndsOn = months == 0 ? null : soldOn.plusMonths(months);
        RepairPath path;
        if (days < returnWindowDays) {
            path = RepairPath.RETURN_OR_EXCHANGE;
        } else if (!misuseSuspected && warrantyEndsOn != null && !registeredOn.isAfter(warrantyEndsOn)) {
            path = RepairPath.FREE_REPAIR;
        } else {
            path = RepairPath.PAID_REPAIR;
        }
        return new WarrantyDecision(path, version, soldOn, registeredOn, days, warrantyEndsOn, misuseSuspected);
    }

    public BigDecimal depreciationRate(long daysSinceSale) {
        return depreciation.stream().filter(band -> daysSinceSale <= band.upToDays()).findFirst()
                .map(DepreciationBand::rate).orElse(beyondRate);
    }

    public Money depreciationFee(Money salePrice, long daysSinceSale) {
        BigDecimal fee = salePrice.amount().multiply(depreciationRate(daysSinceSale))
                .setScale(PolicyTables.AMOUNT_SCALE, RoundingMode.HALF_UP);
        return new Money(fee, salePrice.currency());
    }

    private LocalDate date(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }
}
