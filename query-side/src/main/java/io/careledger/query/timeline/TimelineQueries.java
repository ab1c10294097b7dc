package io.careledger.query.timeline;

import static io.careledger.query.projection.PagedSearch.range;
import static io.careledger.query.projection.PagedSearch.term;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.careledger.api.timeline.GetCustomerTimeline;
import io.careledger.api.timeline.TimelineEntry;
import io.careledger.api.timeline.TimelinePage;
import io.careledger.api.timeline.WatchCustomerTimeline;
import io.careledger.query.projection.PagedSearch;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * A customer's timeline from the timeline index: newest first (by business time, then by the position in
 * the global stream for events of the same moment, then by id), optionally only some types, within
 * [{@code from}, {@code to}), matching {@code text} in Chinese or English.
 */
@Component
public class TimelineQueries {
    private static final String OCCURRED_AT = "occurredAt";

    private final ElasticsearchClient client;
    private final TimelineIndex index;

    public TimelineQueries(ElasticsearchClient client, TimelineIndex index) {
        this.client = client;
        this.index = index;
    }

    @QueryHandler
    public TimelinePage handle(GetCustomerTimeline query) throws IOException {
        List<Query> filters = new ArrayList<>();
        term(filters, "customerId", query.customerId());
        if (query.types() != null && !query.types().isEmpty()) {
            List<FieldValue> types = query.types().stream().map(type -> FieldValue.of(type.name()))
                    .collect(Collectors.toList());
            filters.add(Query.of(q -> q.terms(terms -> terms.field("type").terms(values -> values.value(types)))));
        }
        range(filters, OCCURRED_AT, query.from(), query.to());
        Query text = PagedSearch.allWords("summary", query.text());
        Query search = Query.of(q -> q.bool(bool -> {
            if (text != null) {
                bool.must(text);
            }
            return bool.filter(filters);
        }));
        PagedSearch.Page<TimelineEntry> page = PagedSearch.run(client, index.readAlias(), search,
                List.of(PagedSearch.sort(OCCURRED_AT, SortOrder.Desc), PagedSearch.sort("position", SortOrder.Desc),
                        PagedSearch.sort("entryId", SortOrder.Asc)),
                query.first(), GetCustomerTimeline.MAX_PAGE_SIZE, query.after(), TimelineEntry.class);
        return new TimelinePage(page.map(hit -> new TimelinePage.Hit(hit.document(), hit.cursor())),
                page.totalCount(), page.hasNextPage());
    }

    /**
     * The initial result of the subscription: nothing. The entries themselves come as updates, emitted by
     * {@link TimelineProjection} once each is projected; the past is what {@link GetCustomerTimeline} pages.
     */
    @QueryHandler
    public List<TimelineEntry> handle(WatchCustomerTimeline query) {
        return List.of();
    }
}
