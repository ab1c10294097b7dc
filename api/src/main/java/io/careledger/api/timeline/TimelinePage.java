package io.careledger.api.timeline;

import java.util.List;

public record TimelinePage(List<Hit> hits, long totalCount, boolean hasNextPage) {

    public record Hit(TimelineEntry entry, String cursor) {
    }

    public String endCursor() {
        return hits.isEmpty() ? null : hits.get(hits.size() - 1).cursor();
    }
}
