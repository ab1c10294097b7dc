package io.careledger.command.config;

import io.careledger.api.repair.Material;
import io.careledger.command.repair.policy.WarrantyPolicy;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Operators' changes to {@link WarrantyPolicy#defaults()}, e.g. {@code careledger.policy.warranty.beyond-rate=0.4}
 * or {@code careledger.policy.warranty.warranty-months.OTHER=1} or
 * {@code careledger.policy.warranty.dry-clean-minimum-price=3000}, with a new {@code version}. Each value given
 * replaces its default; depreciation bands given replace all default bands.
 */
@ConfigurationProperties(WarrantyPolicyProperties.PREFIX)
public record WarrantyPolicyProperties(
        String version,
        ZoneId zone,
        Integer returnWindowDays,
        Map<Material, Integer> warrantyMonths,
        List<WarrantyPolicy.DepreciationBand> depreciation,
        BigDecimal beyondRate,
        String currency,
        Set<String> suitCategories,
        BigDecimal dryCleanMinimumPrice,
        Integer dryCleanWithinMonths) {

    static final String PREFIX = "careledger.policy.warranty";

    WarrantyPolicy toPolicy() {
        WarrantyPolicy d = WarrantyPolicy.defaults();
        WarrantyPolicy configured = new WarrantyPolicy(d.version(),
                Objects.requireNonNullElse(zone, d.zone()),
                Objects.requireNonNullElse(returnWindowDays, d.returnWindowDays()),
                PolicyOverrides.merge(d.warrantyMonths(), warrantyMonths),
                Objects.requireNonNullElse(depreciation, d.depreciation()),
                Objects.requireNonNullElse(beyondRate, d.beyondRate()),
                Objects.requireNonNullElse(currency, d.currency()),
                Objects.requireNonNullElse(suitCategories, d.suitCategories()),
                Objects.requireNonNullElse(dryCleanMinimumPrice, d.dryCleanMinimumPrice()),
                Objects.requireNonNullElse(dryCleanWithinMonths, d.dryCleanWithinMonths()));
        boolean changed = !configured.equals(d);
        return new WarrantyPolicy(PolicyOverrides.version(PREFIX + ".version", version, d.version(), changed),
                configured.zone(), configured.returnWindowDays(), configured.warrantyMonths(),
                configured.depreciation(), configured.beyondRate(), configured.currency(), configured.suitCategories(),
                configured.dryCleanMinimumPrice(), configured.dryCleanWithinMonths());
    }
}
