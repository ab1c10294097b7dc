package io.careledger.service.graphql.metrics;

import io.careledger.api.common.Channel;
import io.careledger.api.common.Money;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.complaint.ComplaintCategory;
import io.careledger.api.metrics.GetServiceMetrics;
import io.careledger.api.metrics.GetStaffPerformance;
import io.careledger.api.metrics.Granularity;
import io.careledger.api.metrics.MetricsBucket;
import io.careledger.api.metrics.StaffMetrics;
import io.careledger.service.care.RegionsProperties;
import io.careledger.service.graphql.QueryInputException;
import io.careledger.service.security.Access;
import io.careledger.service.security.StaffScopes;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * The managers' dashboard figures (DOMAIN.md §8). A region is resolved here, at query time, to the stores the
 * configuration lists for it ({@code careledger.regions}): facts carry their store, so a store moving to
 * another region needs a configuration change, not a rebuild.
 */
@Controller
public class MetricsController {
    private final QueryGateway queries;
    private final RegionsProperties regions;
    private final StaffScopes scopes;
    private final String currency;

    MetricsController(QueryGateway queries, RegionsProperties regions, StaffScopes scopes,
                      @Value("${careledger.metrics.currency:CNY}") String currency) {
        this.queries = queries;
        this.regions = regions;
        this.scopes = scopes;
        this.currency = currency;
    }

    @QueryMapping
    @PreAuthorize(Access.METRICS)
    public List<MetricsBucket> serviceMetrics(@Argument Instant from, @Argument Instant to,
                                              @Argument Granularity granularity, @Argument String storeId,
                                              @Argument String regionId, @Argument Channel channel,
                                              @Argument ComplaintCategory category, @Argument String staffId) {
        var query = new GetServiceMetrics(from, to, granularity, stores(storeId, regionId), channel, category,
                staffId == null ? null : StaffId.of(staffId));
        return queries.query(query, ResponseTypes.multipleInstancesOf(MetricsBucket.class)).join();
    }

    @QueryMapping
    @PreAuthorize(Access.METRICS)
    public List<StaffMetrics> staffPerformance(@Argument Instant from, @Argument Instant to,
                                               @Argument String storeId, @Argument String regionId) {
        var query = new GetStaffPerformance(from, to, stores(storeId, regionId));
        return queries.query(query, ResponseTypes.multipleInstancesOf(StaffMetrics.class)).join();
    }

    /** The paid amount in the refunds' currency; a period without refunds shows zero in the configured one. */
    @SchemaMapping(typeName = "MetricsBucket", field = "refundsAmount")
    public Money refundsAmount(MetricsBucket bucket) {
        if (bucket.refundsAmount() == null) {
            return null;
        }
        return new Money(bucket.refundsAmount(), bucket.refundsCurrency() == null ? currency : bucket.refundsCurrency());
    }

    /**
     * Null for every store; a store, a region's stores, or the store if it is in the region — and never more than
     * a store-scoped staff member's own stores.
     */
    private Set<StoreId> stores(String storeId, String regionId) {
        Set<StoreId> asked = askedStores(storeId, regionId);
        Set<StoreId> mine = scopes.currentStoreIds();
        if (mine == null) {
            return asked;
        }
        Set<StoreId> allowed = new HashSet<>(mine);
        if (asked != null) {
            allowed.retainAll(asked);
        }
        return allowed;
    }

    private Set<StoreId> askedStores(String storeId, String regionId) {
        Set<StoreId> stores = null;
        if (regionId != null) {
            stores = regions.regions().stream().filter(region -> region.id().equals(regionId)).findFirst()
                    .map(RegionsProperties.Region::storeIds)
                    .orElseThrow(() -> new QueryInputException("regionId", "No region " + regionId + "; there are "
                            + regions.regions().stream().map(RegionsProperties.Region::id).toList()));
        }
        if (storeId != null) {
            StoreId store = StoreId.of(storeId);
            stores = stores == null || stores.contains(store) ? Set.of(store) : Set.of();
        }
        return stores == null ? null : new HashSet<>(stores);
    }
}
