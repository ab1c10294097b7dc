package io.careledger.api.metrics;

import java.time.Duration;

/**
 * The length of a metrics bucket, calendar-aligned in the metrics time zone (see {@link MetricsDefinition}).
 * Each has the longest range one query may cover, so that a request can never ask Elasticsearch for an
 * unbounded number of buckets.
 */
public enum Granularity {
    DAY(Duration.ofDays(400)),
    /** Weeks start on Monday (ISO-8601), as Elasticsearch's calendar weeks do. */
    WEEK(Duration.ofDays(3 * 366)),
    MONTH(Duration.ofDays(10 * 366));

    private final Duration maxRange;

    Granularity(Duration maxRange) {
        this.maxRange = maxRange;
    }

    public Duration maxRange() {
        return maxRange;
    }
}
