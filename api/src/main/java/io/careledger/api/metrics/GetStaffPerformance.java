package io.careledger.api.metrics;

import java.time.Instant;
import java.util.Set;

import io.careledger.api.common.InvalidValueException;
import io.careledger.api.common.StoreId;

/**
 * Each staff member's figures over {@code [from, to)}, by staff id.
 *
 * @param storeIds only these stores; null for every store
 * @throws InvalidValueException (field {@code from} or {@code to}) for an empty, reversed or too long range
 */
public record GetStaffPerformance(Instant from, Instant to, Set<StoreId> storeIds) {
    public GetStaffPerformance {
        // The longest range of any granularity: the answer has no buckets, only one line per staff member.
        MetricsRange.check(from, to, Granularity.MONTH);
        storeIds = storeIds == null ? null : Set.copyOf(storeIds);
    }
}
