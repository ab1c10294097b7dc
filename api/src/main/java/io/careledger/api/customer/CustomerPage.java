package io.careledger.api.customer;

import java.util.List;

public record CustomerPage(List<Hit> hits, long totalCount, boolean hasNextPage) {

    public record Hit(CustomerView customer, String cursor) {
    }

    public String endCursor() {
        return hits.isEmpty() ? null : hits.get(hits.size() - 1).cursor();
    }
}
