package io.careledger.service.graphql;

import java.util.List;
import java.util.function.Function;

/** A Relay connection page: the shape every list in the schema has. */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, long totalCount) {
    private static final int DEFAULT_PAGE_SIZE = 20;

    public record Edge<T>(T node, String cursor) {
    }

    public record PageInfo(boolean hasNextPage, String endCursor) {
    }

    public static <H, T> Connection<T> of(List<H> hits, Function<H, T> node, Function<H, String> cursor, boolean hasNextPage,
                                          long totalCount) {
        List<Edge<T>> edges = hits.stream().map(hit -> new Edge<>(node.apply(hit), cursor.apply(hit))).toList();
        return new Connection<>(edges, new PageInfo(hasNextPage, edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()),
                totalCount);
    }

    /** The page size asked for, defaulted, and refused with a typed error outside 1..max. */
    public static int pageSize(Integer first, int max) {
        int size = first == null ? DEFAULT_PAGE_SIZE : first;
        if (size < 1 || size > max) {
            throw new QueryInputException("first", "first must be between 1 and " + max);
        }
        return size;
    }
}
