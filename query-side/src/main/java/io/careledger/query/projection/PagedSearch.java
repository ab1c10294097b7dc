package io.careledger.query.projection;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;

/**
 * The one way the read models answer a paged search: a page size kept within 1 and the query's maximum, one
 * hit more than the page to know whether another page follows, the exact total, and a {@link SearchAfterCursor}
 * per hit. The sort must end in a unique field, so that paging through a changing index neither repeats nor
 * skips a document.
 */
public final class PagedSearch {

    private PagedSearch() {
    }

    public record Page<T>(List<Item<T>> items, long totalCount, boolean hasNextPage) {

        public <P> List<P> map(Function<Item<T>, P> hit) {
            return items.stream().map(hit).collect(Collectors.toList());
        }
    }

    public record Item<T>(T document, String cursor) {
    }

    /**
     * @param first    the page size asked for, clamped to 1..{@code max}
     * @param after    a cursor from a previous page of the same search, or null for the first page
     * @param excludes stored fields that {@code type} does not have
     */
    public static <T> Page<T> run(ElasticsearchClient client, String index, Query query, List<SortOptions> sort,
                                  int first, int max, String after, Class<T> type, String... excludes)
            throws IOException {
        int size = SearchAfterCursor.pageSize(first, max);
        String signature = SearchAfterCursor.signature(sort);
        SearchResponse<T> response = client.search(search -> {
            search.index(index)
                    .query(query)
                    .sort(sort)
                    .size(size + 1)
                    .trackTotalHits(track -> track.enabled(true));
            if (excludes.length > 0) {
                search.source(source -> source.filter(filter -> filter.excludes(List.of(excludes))));
            }
            if (after != null) {
                search.searchAfter(SearchAfterCursor.decode(after, signature, sort.size()));
            }
            return search;
        }, type);
        List<Hit<T>> hits = response.hits().hits();
        List<Item<T>> items = hits.stream()
                .limit(size)
                .map(hit -> new Item<>(hit.source(), SearchAfterCursor.encode(signature, hit.sort())))
                .collect(Collectors.toList());
        return new Page<>(items, response.hits().total().value(), hits.size() > size);
    }

    public static SortOptions sort(String field, SortOrder order) {
        return SortOptions.of(sort -> sort.field(by -> by.field(field).order(order)));
    }

    /**
     * Every word of {@code text}, and for Chinese every character (the standard analyser splits Chinese text
     * into characters), must occur in {@code field}; null when there is no text to search for.
     */
    public static Query allWords(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Query.of(q -> q.match(match -> match.field(field).query(text).operator(Operator.And)));
    }

    /** A term filter when {@code value} is given; enums and typed ids are indexed as their text (their toString). */
    public static void term(List<Query> filters, String field, Object value) {
        if (value != null) {
            filters.add(Query.of(q -> q.term(term -> term.field(field).value(value.toString()))));
        }
    }

    /**
     * A filter to any of {@code values} when a set is given (null: no filter); an empty set matches nothing, so
     * a staff member scoped to no store sees nothing rather than everything.
     */
    public static void anyOf(List<Query> filters, String field, java.util.Collection<?> values) {
        if (values != null) {
            List<co.elastic.clients.elasticsearch._types.FieldValue> terms = values.stream()
                    .map(value -> co.elastic.clients.elasticsearch._types.FieldValue.of(value.toString())).toList();
            filters.add(Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(terms)))));
        }
    }

    /** A range filter [{@code from}, {@code to}) when either bound is given. */
    public static void range(List<Query> filters, String field, Instant from, Instant to) {
        if (from != null || to != null) {
            filters.add(Query.of(q -> q.range(range -> range.date(date -> {
                date.field(field);
                if (from != null) {
                    date.gte(from.toString());
                }
                if (to != null) {
                    date.lt(to.toString());
                }
                return date;
            }))));
        }
    }
}
