package io.careledger.query.projection;

import java.util.Objects;

/**
 * What a rebuild needs to know about a read model: the Axon processing group whose handlers write it (its
 * streaming processor replays the events) and the index family they write to.
 */
public record Projection(ProjectionName name, String processingGroup, IndexFamily index) {
    public Projection {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(processingGroup, "processingGroup");
        Objects.requireNonNull(index, "index");
    }
}
