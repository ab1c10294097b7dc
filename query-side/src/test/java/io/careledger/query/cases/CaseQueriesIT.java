package io.careledger.query.cases;

import static io.careledger.query.cases.CaseStories.COLLEAGUE;
import static io.careledger.query.cases.CaseStories.RESPONDER;
import static io.careledger.query.cases.CaseStories.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.careledger.api.cases.CaseKind;
import io.careledger.api.cases.CasePage;
import io.careledger.api.cases.SearchCases;
import io.careledger.api.common.InvalidValueException;
import io.careledger.api.common.Money;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.complaint.Compensation;
import io.careledger.api.complaint.CompensationKind;
import io.careledger.api.complaint.ComplaintAcknowledged;
import io.careledger.api.complaint.ComplaintContactLogged;
import io.careledger.api.complaint.ComplaintDeadlineMissed;
import io.careledger.api.complaint.ComplaintEvent;
import io.careledger.api.complaint.ComplaintId;
import io.careledger.api.complaint.ComplaintStatus;
import io.careledger.api.complaint.ComplaintView;
import io.careledger.api.refund.RefundStatus;
import io.careledger.api.complaint.ContactKind;
import io.careledger.api.complaint.DeadlineKind;
import io.careledger.api.complaint.Department;
import io.careledger.api.complaint.FindComplaint;
import io.careledger.api.complaint.ResolutionProposed;
import io.careledger.api.complaint.Severity;
import io.careledger.query.elasticsearch.TestElasticsearch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CaseQueriesIT {
    private static final ElasticsearchClient client = TestElasticsearch.client();
    private static final CaseIndex index = new CaseIndex(client, "it-search");
    private static final CaseQueries queries = new CaseQueries(client, index);
    private static final Map<String, ComplaintView> views = new HashMap<>();
    private static final int PAGED_CASES = 105;
    private static final StoreId PAGED_STORE = StoreId.of("store-paged");

    @BeforeAll
    static void indexCases() throws IOException {
        index.ensureExists();
        ComplaintId cake = ComplaintId.of("s-cake");
        put(List.of(
                CaseStories.filed("s-cake", T0, "蛋糕发霉了", "顾客说蛋糕上有霉点", "store-1", Severity.LEVEL_2,
                        Department.STORE_OPERATIONS),
                new ComplaintDeadlineMissed(cake, DeadlineKind.FIRST_RESPONSE, T0.plus(Duration.ofHours(4)),
                        Severity.LEVEL_2, StaffId.SYSTEM, T0.plus(Duration.ofHours(4))),
                new ComplaintAcknowledged(cake, false, RESPONDER, T0.plus(Duration.ofHours(5))),
                new ComplaintContactLogged(cake, ContactKind.APOLOGISE, "Apologised for the mouldy cake", RESPONDER,
                        T0.plus(Duration.ofHours(5))),
                new ResolutionProposed(cake, "Refund and a coupon", List.of(new Compensation(CompensationKind.COUPON,
                        Money.of("20.00", "CNY"), "coupon")), RESPONDER, T0.plus(Duration.ofHours(6)))));
        put(List.of(CaseStories.filed("s-bread", T0.plus(Duration.ofHours(1)), "面包过期了", null, "store-2",
                Severity.LEVEL_1, Department.STORE_SERVICE_DESK)));
        put(List.of(CaseStories.filed("s-price", T0.plus(Duration.ofHours(2)), "The shelf price was wrong", null,
                        "store-1", Severity.LEVEL_1, Department.SALES),
                new ComplaintAcknowledged(ComplaintId.of("s-price"), true, COLLEAGUE, T0.plus(Duration.ofHours(2)))));
        put(List.of(CaseStories.filed("s-berries", T0.plus(Duration.ofHours(3)), "Mouldy strawberries from the fresh counter",
                null, "store-3", Severity.LEVEL_2, Department.QUALITY_CONTROL)));
        for (int i = 0; i < PAGED_CASES; i++) {
            // Three cases share each filing time, so the id has to break the ties.
            put(List.of(CaseStories.filed(String.format("page-%03d", i), T0.minus(Duration.ofDays(30))
                    .plus(Duration.ofMinutes(i / 3)), "paged", null, PAGED_STORE.value(), Severity.LEVEL_1,
                    Department.STORE_SERVICE_DESK)));
        }
        client.indices().refresh(refresh -> refresh.index(index.readAlias()));
    }

    @Test
    void findsAComplaintById() throws IOException {
        assertThat(queries.handle(new FindComplaint(ComplaintId.of("s-cake")))).contains(views.get("s-cake"));
        assertThat(queries.handle(new FindComplaint(ComplaintId.of("s-none")))).isEmpty();
    }

    @Test
    void chineseTextFindsTheCaseThatSaysIt() throws IOException {
        assertThat(ids(text("发霉"))).containsExactly("s-cake");
        assertThat(ids(text("面包"))).containsExactly("s-bread");
        assertThat(ids(text("霉点"))).containsExactly("s-cake");
    }

    @Test
    void englishTextMatchesEveryWordInAnyOrderAndCase() throws IOException {
        assertThat(ids(text("mouldy"))).containsExactly("s-berries", "s-cake");
        assertThat(ids(text("Strawberries MOULDY"))).containsExactly("s-berries");
        assertThat(ids(text("mouldy bread"))).isEmpty();
    }

    @Test
    void textCoversContactsAndResolution() throws IOException {
        assertThat(ids(text("mouldy cake"))).containsExactly("s-cake");
        assertThat(ids(text("coupon"))).containsExactly("s-cake");
    }

    @Test
    void filtersOnEachCriterion() throws IOException {
        assertThat(ids(named(criteria().status(ComplaintStatus.FILED)))).containsExactly("s-berries", "s-bread");
        assertThat(ids(named(criteria().severity(Severity.LEVEL_2)))).containsExactly("s-berries", "s-cake");
        assertThat(ids(named(criteria().storeId(StoreId.of("store-1"))))).containsExactly("s-price", "s-cake");
        assertThat(ids(named(criteria().department(Department.SALES)))).containsExactly("s-price");
        assertThat(ids(named(criteria().owner(COLLEAGUE)))).containsExactly("s-price");
        assertThat(ids(named(criteria().breached(true)))).containsExactly("s-cake");
        assertThat(ids(named(criteria().breached(false)))).containsExactly("s-berries", "s-price", "s-bread");
        assertThat(ids(named(criteria().kind(CaseKind.COMPLAINT)))).containsExactly("s-berries", "s-price", "s-bread", "s-cake");
    }

    @Test
    void filingTimeFromIsInclusiveAndToExclusive() throws IOException {
        SearchCases between = criteria().from(T0.plus(Duration.ofHours(1))).to(T0.plus(Duration.ofHours(3))).build();
        SearchCases since = criteria().from(T0.plus(Duration.ofHours(2))).build();
        SearchCases until = criteria().to(T0.plus(Duration.ofHours(1))).storeId(StoreId.of("store-1")).build();

        assertThat(ids(between)).containsExactly("s-price", "s-bread");
        assertThat(ids(since)).containsExactly("s-berries", "s-price");
        assertThat(ids(until)).containsExactly("s-cake");
    }

    @Test
    void criteriaCombine() throws IOException {
        SearchCases query = criteria().storeId(StoreId.of("store-1")).severity(Severity.LEVEL_1).build();

        assertThat(ids(query)).containsExactly("s-price");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 35, 100})
    void cursorsPageThroughEveryCaseOnceNewestFirst(int pageSize) throws IOException {
        List<String> expected = views.values().stream()
                .filter(view -> view.storeId().equals(PAGED_STORE))
                .sorted(Comparator.comparing(ComplaintView::filedAt).reversed().thenComparing(view -> view.id().value()))
                .map(view -> view.id().value())
                .collect(Collectors.toList());
        List<String> seen = new ArrayList<>();
        String after = null;
        CasePage page;
        do {
            page = queries.handle(criteria().storeId(PAGED_STORE).first(pageSize).after(after).build());
            assertThat(page.totalCount()).isEqualTo(PAGED_CASES);
            assertThat(page.hits()).hasSizeLessThanOrEqualTo(pageSize);
            page.hits().forEach(hit -> seen.add(hit.caseView().caseId()));
            after = page.endCursor();
        } while (page.hasNextPage());

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(seen).hasSize(PAGED_CASES).doesNotHaveDuplicates();
    }

    @Test
    void eachHitCarriesTheCursorToContinueAfterIt() throws IOException {
        CasePage first = queries.handle(criteria().storeId(PAGED_STORE).first(10).build());

        CasePage rest = queries.handle(criteria().storeId(PAGED_STORE).first(3).after(first.hits().get(6).cursor()).build());

        assertThat(rest.hits()).extracting(CasePage.Hit::caseView).containsExactlyElementsOf(
                first.hits().subList(7, 10).stream().map(CasePage.Hit::caseView).collect(Collectors.toList()));
    }

    @Test
    void thePageSizeIsClampedToOneAndTheMaximum() throws IOException {
        CasePage none = queries.handle(criteria().storeId(PAGED_STORE).first(0).build());
        CasePage negative = queries.handle(criteria().storeId(PAGED_STORE).first(-4).build());
        CasePage huge = queries.handle(criteria().storeId(PAGED_STORE).first(10_000).build());

        assertThat(none.hits()).hasSize(1);
        assertThat(negative.hits()).hasSize(1);
        assertThat(huge.hits()).hasSize(SearchCases.MAX_PAGE_SIZE);
        assertThat(huge.hasNextPage()).isTrue();
    }

    @Test
    void anEmptyPageHasNoCursor() throws IOException {
        CasePage page = queries.handle(text("nothing matches this"));

        assertThat(page.hits()).isEmpty();
        assertThat(page.totalCount()).isZero();
        assertThat(page.hasNextPage()).isFalse();
        assertThat(page.endCursor()).isNull();
    }

    @Test
    void aForeignCursorIsAnInvalidValue() {
        String notOurs = Base64.getUrlEncoder().encodeToString("nonsense".getBytes(StandardCharsets.UTF_8));

        for (String cursor : List.of("%%%", notOurs)) {
            assertThatThrownBy(() -> queries.handle(criteria().after(cursor).build()))
                    .isInstanceOfSatisfying(InvalidValueException.class,
                            invalid -> assertThat(invalid.field()).isEqualTo("after"));
        }
    }

    private static void put(List<ComplaintEvent> events) throws IOException {
        ComplaintView view = CaseStories.fold(events);
        views.put(view.id().value(), view);
        index.put(index.writeIndex(), view);
    }

    private static List<String> ids(SearchCases query) throws IOException {
        return queries.handle(query).hits().stream().map(hit -> hit.caseView().caseId()).collect(Collectors.toList());
    }

    private static SearchCases text(String text) {
        return criteria().text(text).build();
    }

    /** The named cases only, leaving out the many paged ones. */
    private static SearchCases named(Criteria criteria) {
        return criteria.from(T0).build();
    }

    private static Criteria criteria() {
        return new Criteria();
    }

    /** SearchCases with everything optional left null. */
    private static final class Criteria {
        private String text;
        private CaseKind kind;
        private ComplaintStatus status;
        private RefundStatus refundStatus;
        private Severity severity;
        private StoreId storeId;
        private Department department;
        private StaffId owner;
        private Boolean breached;
        private Instant from;
        private Instant to;
        private int first = SearchCases.MAX_PAGE_SIZE;
        private String after;

        Criteria text(String value) { text = value; return this; }
        Criteria kind(CaseKind value) { kind = value; return this; }
        Criteria status(ComplaintStatus value) { status = value; return this; }
        Criteria refundStatus(RefundStatus value) { refundStatus = value; return this; }
        Criteria severity(Severity value) { severity = value; return this; }
        Criteria storeId(StoreId value) { storeId = value; return this; }
        Criteria department(Department value) { department = value; return this; }
        Criteria owner(StaffId value) { owner = value; return this; }
        Criteria breached(boolean value) { breached = value; return this; }
        Criteria from(Instant value) { from = value; return this; }
        Criteria to(Instant value) { to = value; return this; }
        Criteria first(int value) { first = value; return this; }
        Criteria after(String value) { after = value; return this; }

        SearchCases build() {
            return new SearchCases(text, kind, status, refundStatus, null, severity, storeId, department, owner, breached, from, to,
                    first, after);
        }
    }
}
