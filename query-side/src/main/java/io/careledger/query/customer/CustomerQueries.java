package io.careledger.query.customer;

import static io.careledger.query.projection.PagedSearch.term;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortMode;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.careledger.api.customer.CustomerActivity;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.CustomerPage;
import io.careledger.api.customer.CustomerView;
import io.careledger.api.customer.FindCustomerActivity;
import io.careledger.api.customer.FindTopAnnualSpender;
import io.careledger.api.customer.SearchCustomers;
import io.careledger.api.customer.TopSpender;
import io.careledger.query.projection.PagedSearch;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Customer queries answered from the customer index (eventually consistent with the events), with open
 * cases and last contact added from the case and care-task indices ({@link CustomerActivities}).
 */
@Component
public class CustomerQueries {
    private static final String ID = "customer.id";
    private static final String REGISTERED_AT = "customer.registeredAt";
    private static final String SEARCH_TEXT = "searchText";
    private static final String PHONE_TAIL = "phoneTail";
    private static final String ANNUAL_SPEND = "annualSpend";
    private static final String SPEND_YEAR = "annualSpend.year";
    private static final String SPEND_HUNDREDTHS = "annualSpend.hundredths";
    /** Fewer digits than this are not taken for the end of a phone number (they would match too many). */
    private static final int MIN_PHONE_DIGITS = 4;

    private final ElasticsearchClient client;
    private final CustomerIndex index;
    private final CustomerActivities activities;

    public CustomerQueries(ElasticsearchClient client, CustomerIndex index, CustomerActivities activities) {
        this.client = client;
        this.index = index;
        this.activities = activities;
    }

    /**
     * Text matches name, phone, e-mail, tags and notes (every word, and for Chinese every character), or the
     * end of the phone number when the text is a number ({@code 138 0013 8000} finds {@code +86 138-0013-8000}).
     * Best match first with text, newest registration first without; the customer id breaks ties.
     */
    @QueryHandler
    public CustomerPage handle(SearchCustomers query) throws IOException {
        List<Query> filters = new ArrayList<>();
        term(filters, "customer.tier", query.tier());
        term(filters, "customer.homeStoreId", query.homeStoreId());
        PagedSearch.anyOf(filters, "customer.homeStoreId", query.withinStores());
        Query words = PagedSearch.allWords(SEARCH_TEXT, query.text());
        String phoneTail = words == null ? null : phoneTail(query.text());
        Query search = Query.of(q -> q.bool(bool -> {
            if (words != null) {
                bool.must(must -> must.bool(text -> {
                    text.should(words);
                    if (phoneTail != null) {
                        text.should(should -> should.prefix(prefix -> prefix.field(PHONE_TAIL).value(phoneTail)));
                    }
                    return text.minimumShouldMatch("1");
                }));
            }
            return bool.filter(filters);
        }));
        List<SortOptions> sort = words != null
                ? List.of(SortOptions.of(by -> by.score(score -> score.order(SortOrder.Desc))),
                        PagedSearch.sort(ID, SortOrder.Asc))
                : List.of(PagedSearch.sort(REGISTERED_AT, SortOrder.Desc), PagedSearch.sort(ID, SortOrder.Asc));
        PagedSearch.Page<CustomerDocument> page = PagedSearch.run(client, index.readAlias(), search, sort,
                query.first(), SearchCustomers.MAX_PAGE_SIZE, query.after(), CustomerDocument.class);
        Map<CustomerId, CustomerActivity> activity = activities.of(
                page.items().stream().map(hit -> hit.document().customer().id()).collect(Collectors.toList()));
        return new CustomerPage(page.map(hit -> new CustomerPage.Hit(
                withActivity(hit.document().customer(), activity.get(hit.document().customer().id())), hit.cursor())),
                page.totalCount(), page.hasNextPage());
    }

    /**
     * The highest spend of the year among customers whose home store is one of {@code homeStores}; equal
     * spends go to the lowest customer id, so the answer never depends on the index's internal order.
     * {@code homeStores} null means every store; an empty region has no top spender.
     */
    @QueryHandler
    public Optional<TopSpender> handle(FindTopAnnualSpender query) throws IOException {
        if (query.homeStores() != null && query.homeStores().isEmpty()) {
            return Optional.empty();
        }
        Query inYear = Query.of(q -> q.term(term -> term.field(SPEND_YEAR).value(query.year())));
        List<Hit<CustomerDocument>> hits = client.search(search -> search.index(index.readAlias())
                .query(q -> q.bool(bool -> {
                    bool.filter(filter -> filter.nested(nested -> nested.path(ANNUAL_SPEND).query(inYear)));
                    if (query.homeStores() != null) {
                        List<FieldValue> stores = query.homeStores().stream().map(store -> FieldValue.of(store.value()))
                                .collect(Collectors.toList());
                        bool.filter(filter -> filter.terms(terms -> terms.field("customer.homeStoreId")
                                .terms(values -> values.value(stores))));
                    }
                    return bool;
                }))
                .sort(by -> by.field(field -> field.field(SPEND_HUNDREDTHS).order(SortOrder.Desc).mode(SortMode.Max)
                        .nested(nested -> nested.path(ANNUAL_SPEND).filter(inYear))))
                .sort(PagedSearch.sort(ID, SortOrder.Asc))
                .size(1), CustomerDocument.class).hits().hits();
        return hits.stream().findFirst().map(Hit::source).flatMap(document -> document.annualSpend().stream()
                .filter(spend -> spend.year() == query.year())
                .max(Comparator.comparingLong(AnnualSpend::hundredths))
                .map(spend -> new TopSpender(document.customer().id(), spend.amount())));
    }

    /** Empty until the customer has been projected. */
    @QueryHandler
    public Optional<CustomerActivity> handle(FindCustomerActivity query) throws IOException {
        if (index.get(index.readAlias(), query.customerId().value()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(activities.of(List.of(query.customerId())).get(query.customerId()));
    }

    private static CustomerView withActivity(CustomerView customer, CustomerActivity activity) {
        return new CustomerView(customer.id(), customer.name(), customer.phone(), customer.email(), customer.gender(),
                customer.birthday(), customer.address(), customer.clothingSize(), customer.homeStoreId(),
                customer.preferredContact(), customer.consents(), customer.tags(), customer.notes(), customer.tier(),
                customer.points(), customer.cumulativeSpend(), customer.rollingSpend(), customer.referredBy(),
                customer.registeredAt(), customer.lastPurchaseAt(), activity.openCases(), activity.lastContactAt(),
                customer.version());
    }

    /** The query's digits, last first, when the query looks like (part of) a phone number. */
    private static String phoneTail(String text) {
        if (!text.strip().matches("[+\\d\\s()\\-]+")) {
            return null;
        }
        String tail = CustomerDocument.phoneTail(text);
        return tail != null && tail.length() >= MIN_PHONE_DIGITS ? tail : null;
    }
}
