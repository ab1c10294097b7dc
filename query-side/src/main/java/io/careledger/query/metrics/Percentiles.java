package io.careledger.query.metrics;

import java.util.Map;
import java.util.SortedMap;

/**
 * Nearest-rank percentiles over a histogram of whole units (docs/metrics.md, "p90 first response"): exact at
 * the unit's resolution and mergeable, because a histogram of a week is the sum of its days' histograms.
 * (Elasticsearch's own {@code percentiles} aggregation estimates, and would not match a hand count.)
 */
final class Percentiles {

    private Percentiles() {
    }

    /**
     * The smallest unit {@code v} such that at least {@code percent}% of the values are at most {@code v}.
     *
     * @param counts how many values fell into each whole unit (the unit rounded down), ascending
     * @return null without values
     */
    static Long nearestRank(SortedMap<Long, Long> counts, int percent) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        // ceil(percent / 100 * total), in whole numbers.
        long rank = (percent * total + 99) / 100;
        long seen = 0;
        for (Map.Entry<Long, Long> unit : counts.entrySet()) {
            seen += unit.getValue();
            if (seen >= rank) {
                return unit.getKey();
            }
        }
        return counts.lastKey();
    }
}
