package io.careledger.service.care;

import io.careledger.api.common.StoreId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The retailer's regions and the stores in each: a region's top annual spender (by home store) gets a
 * home visit (DOMAIN.md §2). Configuration data, because store networks change more often than code.
 */
@ConfigurationProperties("careledger")
public record RegionsProperties(List<Region> regions) {

    public RegionsProperties {
        regions = regions == null ? List.of() : List.copyOf(regions);
    }

    public record Region(String id, List<String> stores) {
        public Region {
            stores = stores == null ? List.of() : List.copyOf(stores);
        }

        public Set<StoreId> storeIds() {
            return stores.stream().map(StoreId::of).collect(Collectors.toUnmodifiableSet());
        }
    }
}
