package io.careledger.api.cases;

import java.util.List;

/** One page of cases with a cursor per case; {@code endCursor} is null on an empty page. */
public record CasePage(List<Hit> hits, long totalCount, boolean hasNextPage) {

    public record Hit(CaseView caseView, String cursor) {
    }

    public String endCursor() {
        return hits.isEmpty() ? null : hits.get(hits.size() - 1).cursor();
    }
}
