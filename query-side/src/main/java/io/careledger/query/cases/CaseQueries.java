package io.careledger.query.cases;

import static io.careledger.query.projection.PagedSearch.range;
import static io.careledger.query.projection.PagedSearch.term;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.careledger.api.cases.CaseKind;
import io.careledger.api.cases.CasePage;
import io.careledger.api.cases.CaseView;
import io.careledger.api.cases.SearchCases;
import io.careledger.api.complaint.ComplaintView;
import io.careledger.api.complaint.FindComplaint;
import io.careledger.api.refund.CountRecentRefunds;
import io.careledger.api.refund.FindRefund;
import io.careledger.api.refund.RefundView;
import io.careledger.api.repair.FindRepair;
import io.careledger.api.repair.RepairView;
import io.careledger.query.projection.PagedSearch;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Case queries answered from the search index (eventually consistent with the events). Pages are ordered
 * newest opening (filing, request) first with the case id as tie-breaker, so {@code search_after} on those two values pages
 * through a changing index without duplicates or gaps.
 */
@Component
public class CaseQueries {
    private static final String TEXT = "searchText";
    private static final String OPENED_AT = "openedAt";
    private static final String ID = "id";

    private final ElasticsearchClient client;
    private final CaseIndex index;

    public CaseQueries(ElasticsearchClient client, CaseIndex index) {
        this.client = client;
        this.index = index;
    }

    @QueryHandler
    public Optional<ComplaintView> handle(FindComplaint query) throws IOException {
        return index.get(index.readAlias(), query.complaintId().value())
                .filter(ComplaintView.class::isInstance).map(ComplaintView.class::cast);
    }

    @QueryHandler
    public Optional<RefundView> handle(FindRefund query) throws IOException {
        return index.get(index.readAlias(), query.refundId().value())
                .filter(RefundView.class::isInstance).map(RefundView.class::cast);
    }

    @QueryHandler
    public Optional<RepairView> handle(FindRepair query) throws IOException {
        return index.get(index.readAlias(), query.repairId().value())
                .filter(RepairView.class::isInstance).map(RepairView.class::cast);
    }

    /** Counts what the index holds now: a refund requested a moment ago may not be counted yet. */
    @QueryHandler
    public Long handle(CountRecentRefunds query) throws IOException {
        List<Query> filters = new ArrayList<>();
        term(filters, CaseIndex.KIND, CaseKind.REFUND);
        term(filters, "customerId", query.customerId());
        range(filters, OPENED_AT, query.since(), null);
        return client.count(count -> count.index(index.readAlias())
                .query(q -> q.bool(bool -> bool.filter(filters)))).count();
    }

    @QueryHandler
    public CasePage handle(SearchCases query) throws IOException {
        List<Query> filters = filters(query);
        Query text = PagedSearch.allWords(TEXT, query.text());
        Query search = Query.of(q -> q.bool(bool -> {
            if (text != null) {
                bool.must(text);
            }
            return bool.filter(filters);
        }));
        PagedSearch.Page<CaseView> page = PagedSearch.run(client, index.readAlias(), search,
                List.of(PagedSearch.sort(OPENED_AT, SortOrder.Desc), PagedSearch.sort(ID, SortOrder.Asc)),
                query.first(), SearchCases.MAX_PAGE_SIZE, query.after(), CaseView.class);
        return new CasePage(page.map(hit -> new CasePage.Hit(hit.document(), hit.cursor())), page.totalCount(),
                page.hasNextPage());
    }

    private static List<Query> filters(SearchCases query) {
        List<Query> filters = new ArrayList<>();
        term(filters, CaseIndex.KIND, query.kind());
        // Complaints and refunds share the status field; a status names its kind too.
        if (query.status() != null) {
            term(filters, CaseIndex.KIND, CaseKind.COMPLAINT);
            term(filters, "status", query.status());
        }
        if (query.refundStatus() != null) {
            term(filters, CaseIndex.KIND, CaseKind.REFUND);
            term(filters, "status", query.refundStatus());
        }
        if (query.repairStatus() != null) {
            term(filters, CaseIndex.KIND, CaseKind.REPAIR);
            term(filters, "status", query.repairStatus());
        }
        term(filters, "severity", query.severity());
        term(filters, "storeId", query.storeId());
        PagedSearch.anyOf(filters, "storeId", query.withinStores());
        term(filters, "department", query.department());
        term(filters, "owner", query.owner());
        if (query.breached() != null) {
            filters.add(Query.of(q -> q.term(term -> term.field("slaBreached").value(query.breached()))));
        }
        range(filters, OPENED_AT, query.from(), query.to());
        return filters;
    }
}
