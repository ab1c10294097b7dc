package io.careledger.api.metrics;

import java.time.Duration;
import java.time.Instant;

import io.careledger.api.common.InvalidValueException;

/** The checks every metrics query makes on its range before it reaches Elasticsearch. */
final class MetricsRange {

    private MetricsRange() {
    }

    static void check(Instant from, Instant to, Granularity granularity) {
        if (from == null) {
            throw new InvalidValueException("from", "from is required");
        }
        if (to == null) {
            throw new InvalidValueException("to", "to is required");
        }
        if (granularity == null) {
            throw new InvalidValueException("granularity", "granularity is required");
        }
        if (!from.isBefore(to)) {
            throw new InvalidValueException("to", "to must be after from (" + from + "), was " + to);
        }
        Duration range = Duration.between(from, to);
        if (range.compareTo(granularity.maxRange()) > 0) {
            throw new InvalidValueException("to", "a " + granularity + " query covers at most "
                    + granularity.maxRange().toDays() + " days; this one covers " + range.toDays());
        }
    }
}
