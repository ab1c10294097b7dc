package io.careledger.query.cases;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.careledger.api.cases.CasePage;
import io.careledger.api.cases.SearchCases;
import io.careledger.api.common.InvalidValueException;
import io.careledger.api.complaint.ComplaintView;
import io.careledger.api.complaint.FindComplaint;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Case queries answered from the search index (eventually consistent with the events). Pages are ordered
 * newest filing first with the case id as tie-breaker, so {@code search_after} on those two values pages
 * through a changing index without duplicates or gaps.
 */
@Component
public class CaseQueries {
    private static final String TEXT = "searchText";
    private static final String FILED_AT = "filedAt";
    private static final String ID = "id";
    private static final char CURSOR_SEPARATOR = ':';

    private final ElasticsearchClient client;
    private final CaseIndex index;

    public CaseQueries(ElasticsearchClient client, CaseIndex index) {
        this.client = client;
        this.index = index;
    }

    @QueryHandler
    public Optional<ComplaintView> handle(FindComplaint query) throws IOException {
        return index.get(index.readAlias(), query.complaintId().value());
    }

    @QueryHandler
    public CasePage handle(SearchCases query) throws IOException {
        // The edge rejects bad sizes; clamping keeps a caller that skipped it from asking for everything.
        int size = Math.max(1, Math.min(query.first(), SearchCases.MAX_PAGE_SIZE));
        List<Query> filters = filters(query);
        SearchResponse<ComplaintView> response = client.search(search -> {
            search.index(index.readAlias())
                    .query(q -> q.bool(bool -> {
                        if (query.text() != null && !query.text().isBlank()) {
                            // Operator AND: every word, and for Chinese every character, must occur.
                            bool.must(must -> must.match(match -> match.field(TEXT).query(query.text())
                                    .operator(Operator.And)));
                        }
                        return bool.filter(filters);
                    }))
                    .sort(sort -> sort.field(field -> field.field(FILED_AT).order(SortOrder.Desc)))
                    .sort(sort -> sort.field(field -> field.field(ID).order(SortOrder.Asc)))
                    .size(size + 1)
                    .trackTotalHits(track -> track.enabled(true))
                    .source(source -> source.filter(filter -> filter.excludes(CaseIndex.KIND)));
            if (query.after() != null) {
                search.searchAfter(decodeCursor(query.after()));
            }
            return search;
        }, ComplaintView.class);
        List<Hit<ComplaintView>> hits = response.hits().hits();
        List<CasePage.Hit> page = hits.stream()
                .limit(size)
                .map(hit -> new CasePage.Hit(hit.source(), encodeCursor(hit.sort())))
                .collect(Collectors.toList());
        return new CasePage(page, response.hits().total().value(), hits.size() > size);
    }

    private static List<Query> filters(SearchCases query) {
        List<Query> filters = new ArrayList<>();
        term(filters, CaseIndex.KIND, query.kind());
        term(filters, "status", query.status());
        term(filters, "severity", query.severity());
        term(filters, "storeId", query.storeId());
        term(filters, "department", query.department());
        term(filters, "owner", query.owner());
        if (query.breached() != null) {
            filters.add(Query.of(q -> q.term(term -> term.field("slaBreached").value(query.breached()))));
        }
        if (query.from() != null || query.to() != null) {
            filters.add(Query.of(q -> q.range(range -> range.date(date -> {
                date.field(FILED_AT);
                if (query.from() != null) {
                    date.gte(query.from().toString());
                }
                if (query.to() != null) {
                    date.lt(query.to().toString());
                }
                return date;
            }))));
        }
        return filters;
    }

    /** Enums and typed ids are indexed as their text ({@code name()}, {@code value()}: their toString). */
    private static void term(List<Query> filters, String field, Object value) {
        if (value != null) {
            filters.add(Query.of(q -> q.term(term -> term.field(field).value(value.toString()))));
        }
    }

    private static String encodeCursor(List<FieldValue> sortValues) {
        String plain = sortValues.get(0).longValue() + String.valueOf(CURSOR_SEPARATOR) + sortValues.get(1).stringValue();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(UTF_8));
    }

    private static List<FieldValue> decodeCursor(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), UTF_8);
            int separator = plain.indexOf(CURSOR_SEPARATOR);
            return List.of(FieldValue.of(Long.parseLong(plain.substring(0, separator))),
                    FieldValue.of(plain.substring(separator + 1)));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new InvalidValueException("after", "after is not a cursor from this search: " + cursor);
        }
    }
}
