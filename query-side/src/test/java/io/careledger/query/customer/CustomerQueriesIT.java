package io.careledger.query.customer;

import static io.careledger.query.customer.CustomerStories.CLERK;
import static io.careledger.query.customer.CustomerStories.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.careledger.api.common.InvalidValueException;
import io.careledger.api.common.Money;
import io.careledger.api.common.StoreId;
import io.careledger.api.customer.CustomerEvent;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.CustomerPage;
import io.careledger.api.customer.CustomerRegistered;
import io.careledger.api.customer.CustomerTagged;
import io.careledger.api.customer.CustomerView;
import io.careledger.api.customer.NoteCategory;
import io.careledger.api.customer.ProfileNoteRecorded;
import io.careledger.api.customer.SearchCustomers;
import io.careledger.api.customer.Tier;
import io.careledger.api.customer.VipUpgraded;
import io.careledger.query.care.CareTaskIndex;
import io.careledger.query.cases.CaseIndex;
import io.careledger.query.elasticsearch.TestElasticsearch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerQueriesIT {
    private static final ElasticsearchClient client = TestElasticsearch.client();
    private static final CustomerIndex index = new CustomerIndex(client, "it-customer-search");
    private static final CaseIndex cases = new CaseIndex(client, "it-customer-search-cases");
    private static final CareTaskIndex careTasks = new CareTaskIndex(client, "it-customer-search-care");
    private static final CustomerQueries queries = new CustomerQueries(client, index,
            new CustomerActivities(client, cases, careTasks));
    private static final Map<String, CustomerView> views = new HashMap<>();
    private static final int PAGED = 105;
    private static final StoreId PAGED_STORE = StoreId.of("PG-001");

    @BeforeAll
    static void indexCustomers() throws IOException {
        index.ensureExists();
        cases.ensureExists();
        careTasks.ensureExists();
        put(CustomerStories.lifecycle("s-lina", T0));
        CustomerId wang = CustomerId.of("s-wang");
        put(List.of(CustomerStories.registered("s-wang", "王伟 Wang Wei", "+86 139-1234-5678", "SH-002", T0.plusSeconds(3600)),
                new CustomerTagged(wang, "gift buyer", CLERK, T0.plusSeconds(3700)),
                new ProfileNoteRecorded(wang, NoteCategory.SERVICE_PREFERENCE, "喜欢电话联系 prefers phone calls", CLERK,
                        T0.plusSeconds(3800))));
        CustomerId zhang = CustomerId.of("s-zhang");
        put(List.of(withEmail(CustomerStories.registered("s-zhang", "Zhang Min", "021-5555-0000", "SH-001",
                        T0.plusSeconds(7200)), "zhang.min@example.com"),
                new VipUpgraded(zhang, Tier.MEMBER, Tier.GOLD, false, null, null, "key account", CLERK,
                        T0.plusSeconds(7300))));
        CustomerId style = CustomerId.of("s-style");
        put(List.of(CustomerStories.registered("s-style", "Style Icon", "+86 137-0000-1111", "SH-003", T0.plusSeconds(10800)),
                new CustomerTagged(style, "style", CLERK, T0.plusSeconds(10900)),
                new ProfileNoteRecorded(style, NoteCategory.STYLE, "style style", CLERK, T0.plusSeconds(11000))));
        for (int i = 0; i < PAGED; i++) {
            // Three customers share each registration time, so the id has to break the ties.
            put(List.of(CustomerStories.registered(String.format("pg-%03d", i), "Paged Customer",
                    String.format("555-01%03d", i), PAGED_STORE.value(),
                    T0.minus(Duration.ofDays(30)).plus(Duration.ofMinutes(i / 3)))));
        }
        index.refresh();
    }

    @Test
    void chineseTextFindsNameNotesAndTags() throws IOException {
        assertThat(ids(text("李娜"))).containsExactly("s-lina");
        assertThat(ids(text("简约"))).containsExactly("s-lina");
        assertThat(ids(text("电话"))).containsExactly("s-wang");
        assertThat(ids(text("王伟"))).containsExactly("s-wang");
    }

    @Test
    void englishTextMatchesEveryWordInAnyOrderAndCase() throws IOException {
        assertThat(ids(text("minimalist"))).containsExactly("s-lina");
        assertThat(ids(text("WEI wang"))).containsExactly("s-wang");
        assertThat(ids(text("damaged packaging"))).as("a tag").containsExactly("s-lina");
        assertThat(ids(text("gift buyer"))).as("a tag").containsExactly("s-wang");
        assertThat(ids(text("minimalist packaging wang"))).isEmpty();
    }

    @Test
    void anEmailAddressFindsItsCustomer() throws IOException {
        assertThat(ids(text("zhang.min@example.com"))).containsExactly("s-zhang");
        assertThat(ids(text("li.na@new.example.com"))).containsExactly("s-lina");
    }

    @Test
    void aPhoneNumberFindsItsCustomerHoweverItIsWritten() throws IOException {
        assertThat(ids(text("+86 138-0013-8000"))).containsExactly("s-lina");
        assertThat(ids(text("13800138000"))).as("without country code and separators").containsExactly("s-lina");
        assertThat(ids(text("138 0013 8000"))).containsExactly("s-lina");
        assertThat(ids(text("8000"))).as("the last digits").containsExactly("s-lina");
        assertThat(ids(text("5555-0000"))).containsExactly("s-zhang");
    }

    @Test
    void withTextTheBestMatchComesFirst() throws IOException {
        assertThat(ids(text("style"))).containsExactly("s-style", "s-lina");
    }

    @Test
    void withoutTextTheNewestRegistrationComesFirst() throws IOException {
        assertThat(ids(criteria().first(4).build())).containsExactly("s-style", "s-zhang", "s-wang", "s-lina");
    }

    @Test
    void filtersOnTierAndHomeStore() throws IOException {
        assertThat(ids(criteria().tier(Tier.SILVER).build())).containsExactly("s-lina");
        assertThat(ids(criteria().tier(Tier.GOLD).build())).containsExactly("s-zhang");
        assertThat(ids(criteria().store(StoreId.of("SH-002")).build())).containsExactly("s-wang");
        assertThat(ids(criteria().store(StoreId.of("SH-001")).build())).containsExactly("s-zhang", "s-lina");
        assertThat(ids(criteria().store(StoreId.of("SH-001")).tier(Tier.GOLD).build())).containsExactly("s-zhang");
        assertThat(ids(criteria().text("style").store(StoreId.of("SH-001")).build())).containsExactly("s-lina");
    }

    @Test
    void aHitIsTheWholeFileWithItsActivity() throws IOException {
        CustomerView hit = queries.handle(text("李娜")).hits().get(0).customer();

        CustomerView file = views.get("s-lina");
        assertThat(hit).usingRecursiveComparison().ignoringFields("openCases").isEqualTo(file);
        assertThat(hit.openCases()).isZero();
        assertThat(hit.lastContactAt()).isNull();
        assertThat(hit.cumulativeSpend()).isEqualTo(Money.of("1799.50", "CNY"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 35, 100})
    void cursorsPageThroughEveryCustomerOnceNewestFirst(int pageSize) throws IOException {
        List<String> expected = views.values().stream()
                .filter(view -> view.homeStoreId().equals(PAGED_STORE))
                .sorted(Comparator.comparing(CustomerView::registeredAt).reversed()
                        .thenComparing(view -> view.id().value()))
                .map(view -> view.id().value())
                .collect(Collectors.toList());

        assertThat(pageThrough(criteria().store(PAGED_STORE), pageSize)).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 100})
    void cursorsPageThroughEveryMatchOnceBestFirst(int pageSize) throws IOException {
        List<String> seen = pageThrough(criteria().text("paged customer"), pageSize);

        assertThat(seen).hasSize(PAGED).doesNotHaveDuplicates();
        assertThat(seen).as("equal scores, so by id").isSorted();
    }

    @Test
    void thePageSizeIsClampedToOneAndTheMaximum() throws IOException {
        CustomerPage none = queries.handle(criteria().store(PAGED_STORE).first(0).build());
        CustomerPage huge = queries.handle(criteria().store(PAGED_STORE).first(10_000).build());

        assertThat(none.hits()).hasSize(1);
        assertThat(huge.hits()).hasSize(SearchCustomers.MAX_PAGE_SIZE);
        assertThat(huge.hasNextPage()).isTrue();
        assertThat(huge.totalCount()).isEqualTo(PAGED);
    }

    @Test
    void aCursorOfAnotherOrderIsAnInvalidValue() throws IOException {
        String textCursor = queries.handle(criteria().text("paged").first(1).build()).endCursor();

        assertThatThrownBy(() -> queries.handle(criteria().after(textCursor).build()))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("after"));
    }

    @Test
    void nothingFoundIsAnEmptyPage() throws IOException {
        CustomerPage page = queries.handle(text("nobody is called this"));

        assertThat(page.hits()).isEmpty();
        assertThat(page.totalCount()).isZero();
        assertThat(page.endCursor()).isNull();
    }

    private static List<String> pageThrough(Criteria criteria, int pageSize) throws IOException {
        List<String> seen = new ArrayList<>();
        String after = null;
        CustomerPage page;
        do {
            page = queries.handle(criteria.first(pageSize).after(after).build());
            assertThat(page.totalCount()).isEqualTo(PAGED);
            assertThat(page.hits()).hasSizeLessThanOrEqualTo(pageSize);
            page.hits().forEach(hit -> seen.add(hit.customer().id().value()));
            after = page.endCursor();
        } while (page.hasNextPage());
        return seen;
    }

    private static CustomerRegistered withEmail(CustomerRegistered r, String email) {
        return new CustomerRegistered(r.customerId(), r.name(), r.phone(), email, r.gender(),
                r.birthday(), r.homeStoreId(), r.channel(), r.consents(), r.address(), r.clothingSize(),
                r.preferredContact(), r.tier(), r.registeredBy(), r.occurredAt());
    }

    private static void put(List<? extends CustomerEvent> events) throws IOException {
        CustomerDocument document = CustomerStories.document(events);
        views.put(document.customer().id().value(), document.customer());
        index.put(index.writeIndex(), document);
    }

    private static List<String> ids(SearchCustomers query) throws IOException {
        return queries.handle(query).hits().stream().map(hit -> hit.customer().id().value()).collect(Collectors.toList());
    }

    private static SearchCustomers text(String text) {
        return criteria().text(text).build();
    }

    private static Criteria criteria() {
        return new Criteria();
    }

    private static final class Criteria {
        private String text;
        private Tier tier;
        private StoreId store;
        private int first = SearchCustomers.MAX_PAGE_SIZE;
        private String after;

        Criteria text(String value) { text = value; return this; }
        Criteria tier(Tier value) { tier = value; return this; }
        Criteria store(StoreId value) { store = value; return this; }
        Criteria first(int value) { first = value; return this; }
        Criteria after(String value) { after = value; return this; }

        SearchCustomers build() {
            return new SearchCustomers(text, tier, store, first, after);
        }
    }
}
