package io.careledger.api.care;

import java.util.List;

public record CareTaskPage(List<Hit> hits, long totalCount, boolean hasNextPage) {

    public record Hit(CareTaskView task, String cursor) {
    }

    public String endCursor() {
        return hits.isEmpty() ? null : hits.get(hits.size() - 1).cursor();
    }
}
