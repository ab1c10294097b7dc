package io.careledger.api.metrics;

import java.time.Instant;
import java.util.Set;

import io.careledger.api.common.Channel;
import io.careledger.api.common.InvalidValueException;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.complaint.ComplaintCategory;

/**
 * The service metrics of {@code [from, to)} in buckets of {@code granularity}, oldest first, one bucket per
 * period even when nothing happened in it.
 *
 * @param storeIds only these stores (a store, or a region's stores); null for every store
 * @param channel  only complaints (and surveys about complaints) of this channel; null for all
 * @param category only complaints (and surveys about complaints) of this category; null for all
 * @param staffId  only complaints owned by this staff member (and surveys about them); null for all
 * @throws InvalidValueException (field {@code from} or {@code to}) for an empty, reversed or too long range
 */
public record GetServiceMetrics(Instant from, Instant to, Granularity granularity, Set<StoreId> storeIds,
                                Channel channel, ComplaintCategory category, StaffId staffId) {
    public GetServiceMetrics {
        MetricsRange.check(from, to, granularity);
        storeIds = storeIds == null ? null : Set.copyOf(storeIds);
    }

    /** Refund and repair figures cannot be sliced by complaint channel, category or owner. */
    public boolean complaintSlice() {
        return channel != null || category != null || staffId != null;
    }
}
