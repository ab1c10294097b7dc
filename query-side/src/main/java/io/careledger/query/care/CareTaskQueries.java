package io.careledger.query.care;

import static io.careledger.query.projection.PagedSearch.range;
import static io.careledger.query.projection.PagedSearch.term;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.careledger.api.care.CareTaskEvent;
import io.careledger.api.care.CareTaskPage;
import io.careledger.api.care.CareTaskView;
import io.careledger.api.care.FindCareTask;
import io.careledger.api.care.SearchCareTasks;
import io.careledger.query.projection.PagedSearch;
import io.careledger.query.projection.StoredEvents;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * One care task replayed from the event store (exact and current, as a mutation reads back its write), and
 * the task search over the care-task index: earliest due first, then by id; tasks without a due time
 * (skipped ones) come last.
 */
@Component
public class CareTaskQueries {
    static final String DUE_AT = "dueAt";
    static final String ID = "id";

    private final ElasticsearchClient client;
    private final CareTaskIndex index;
    private final EventStore eventStore;

    public CareTaskQueries(ElasticsearchClient client, CareTaskIndex index, EventStore eventStore) {
        this.client = client;
        this.index = index;
        this.eventStore = eventStore;
    }

    @QueryHandler
    public Optional<CareTaskView> handle(FindCareTask query) {
        return StoredEvents.fold(eventStore, query.careTaskId().value(), CareTaskEvent.class, CareTaskFold::apply);
    }

    @QueryHandler
    public CareTaskPage handle(SearchCareTasks query) throws IOException {
        List<Query> filters = new ArrayList<>();
        term(filters, "assignee", query.assignee());
        term(filters, "status", query.status());
        term(filters, "customerId", query.customerId());
        PagedSearch.anyOf(filters, "storeId", query.withinStores());
        range(filters, DUE_AT, null, query.dueBefore());
        List<SortOptions> sort = List.of(
                SortOptions.of(by -> by.field(field -> field.field(DUE_AT).order(SortOrder.Asc).missing("_last"))),
                PagedSearch.sort(ID, SortOrder.Asc));
        PagedSearch.Page<CareTaskView> page = PagedSearch.run(client, index.readAlias(),
                Query.of(q -> q.bool(bool -> bool.filter(filters))), sort, query.first(), SearchCareTasks.MAX_PAGE_SIZE,
                query.after(), CareTaskView.class);
        return new CareTaskPage(page.map(hit -> new CareTaskPage.Hit(hit.document(), hit.cursor())),
                page.totalCount(), page.hasNextPage());
    }
}
