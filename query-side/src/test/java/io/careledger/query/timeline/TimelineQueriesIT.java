package io.careledger.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.careledger.api.common.InvalidValueException;
import io.careledger.api.common.StaffId;
import io.careledger.api.complaint.ComplaintEvent;
import io.careledger.api.customer.CustomerEvent;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.CustomerTagged;
import io.careledger.api.timeline.GetCustomerTimeline;
import io.careledger.api.timeline.TimelineEntry;
import io.careledger.api.timeline.TimelineEntryType;
import io.careledger.api.timeline.TimelinePage;
import io.careledger.query.cases.CaseStories;
import io.careledger.query.customer.CustomerStories;
import io.careledger.query.elasticsearch.TestElasticsearch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimelineQueriesIT {
    private static final ElasticsearchClient client = TestElasticsearch.client();
    private static final TimelineIndex index = new TimelineIndex(client, "it-timeline-search");
    private static final TimelineQueries queries = new TimelineQueries(client, index);
    private static final CustomerId LINA = CustomerId.of("tq-lina");
    private static final CustomerId BUSY = CustomerId.of("tq-busy");
    private static final Instant SAME_MOMENT = Instant.parse("2026-05-01T12:00:00.000000001Z");
    private static final int BUSY_ENTRIES = 130;
    private static final List<TimelineEntry> lina = new ArrayList<>();
    private static final List<TimelineEntry> busy = new ArrayList<>();
    private static long position = 1;

    @BeforeAll
    static void indexEntries() throws IOException {
        index.ensureExists();
        for (CustomerEvent event : CustomerStories.lifecycle(LINA.value(), CustomerStories.T0)) {
            lina.add(put(event, LINA, event.by(), event.occurredAt()));
        }
        for (ComplaintEvent event : CaseStories.lifecycle("tq-k", LINA, CaseStories.T0)) {
            lina.add(put(event, LINA, event.by(), event.occurredAt()));
        }
        // Three tags at the very same moment, recorded in this order: the later position comes first.
        for (String tag : List.of("first", "second", "third")) {
            lina.add(put(new CustomerTagged(LINA, tag, CustomerStories.CLERK, SAME_MOMENT), LINA, CustomerStories.CLERK,
                    SAME_MOMENT));
        }
        // One nanosecond earlier than the three tags, though recorded after them.
        lina.add(put(new CustomerTagged(LINA, "a nanosecond before", CustomerStories.CLERK, SAME_MOMENT.minusNanos(1)),
                LINA, CustomerStories.CLERK, SAME_MOMENT.minusNanos(1)));
        for (int i = 0; i < BUSY_ENTRIES; i++) {
            // Pairs of entries at the same minute, and a position order that differs from the time order.
            Instant at = CustomerStories.T0.plus(Duration.ofMinutes(i / 2));
            busy.add(put(new CustomerTagged(BUSY, "tag " + i, CustomerStories.CLERK, at), BUSY, CustomerStories.CLERK, at));
        }
        index.refresh();
    }

    @Test
    void newestFirstAndAtTheSameMomentTheLaterPositionFirst() throws IOException {
        List<TimelineEntry> page = entries(query(LINA));

        assertThat(page).containsExactlyElementsOf(newestFirst(lina));
        assertThat(page.subList(0, 4)).extracting(TimelineEntry::summary).containsExactly(
                "Tagged: third", "Tagged: second", "Tagged: first", "Tagged: a nanosecond before");
    }

    @Test
    void onlyTheCustomersOwnEntries() throws IOException {
        TimelinePage page = queries.handle(query(LINA));

        assertThat(page.totalCount()).isEqualTo(lina.size());
        assertThat(page.hits()).allSatisfy(hit -> assertThat(hit.entry().customerId()).isEqualTo(LINA));
        assertThat(queries.handle(query(CustomerId.of("tq-nobody"))).totalCount()).isZero();
    }

    @Test
    void filtersOnTypes() throws IOException {
        assertThat(entries(query(LINA, EnumSet.of(TimelineEntryType.PURCHASE))))
                .extracting(TimelineEntry::eventType)
                .containsExactly("customer.purchase-recorded", "customer.spend-milestone-reached",
                        "customer.purchase-recorded");
        assertThat(entries(query(LINA, EnumSet.of(TimelineEntryType.COMPLAINT, TimelineEntryType.TIER))))
                .extracting(TimelineEntry::type).containsOnly(TimelineEntryType.COMPLAINT, TimelineEntryType.TIER)
                .hasSize(13 + 5);
        assertThat(entries(query(LINA, EnumSet.noneOf(TimelineEntryType.class)))).as("none: all").hasSize(lina.size());
    }

    @Test
    void filtersOnTimeFromInclusiveToExclusive() throws IOException {
        Instant from = CaseStories.T0.plus(Duration.ofMinutes(2));
        Instant to = CaseStories.T0.plus(Duration.ofMinutes(5));

        assertThat(entries(new GetCustomerTimeline(LINA, null, null, from, to, 100, null)))
                .extracting(TimelineEntry::occurredAt)
                .containsExactly(CaseStories.T0.plus(Duration.ofMinutes(4)), CaseStories.T0.plus(Duration.ofMinutes(3)),
                        from);
        assertThat(entries(new GetCustomerTimeline(LINA, null, null, SAME_MOMENT, null, 100, null)))
                .extracting(TimelineEntry::summary).containsExactly("Tagged: third", "Tagged: second", "Tagged: first");
        assertThat(entries(new GetCustomerTimeline(LINA, null, null, null, SAME_MOMENT, 100, null)))
                .hasSize(lina.size() - 3).first().extracting(TimelineEntry::summary)
                .isEqualTo("Tagged: a nanosecond before");
    }

    @Test
    void chineseTextFindsThePeoplesOwnWords() throws IOException {
        assertThat(summaries(text("发霉"))).containsExactly("Complaint filed (FRESH_SPOILAGE, LEVEL_2): 蛋糕发霉了");
        assertThat(summaries(text("道歉"))).containsExactly("Contact (APOLOGISE): 向顾客道歉 apologised on the phone");
        assertThat(summaries(text("生日礼品"))).containsExactly("Redeemed 300 points, balance 1499: 生日礼品 birthday gift");
    }

    @Test
    void englishTextMatchesEveryWordInAnyOrderAndCase() throws IOException {
        assertThat(summaries(text("COUPON refund"))).containsExactly("Resolution proposed: Refund and a coupon, store "
                + "manager calls back; compensation: REFUND 12.50 CNY (cake price), COUPON 20.00 CNY (next purchase), "
                + "GIFT (flowers)");
        assertThat(summaries(text("refund"))).hasSize(2);
        assertThat(summaries(text("minimalist"))).containsExactly("Note (STYLE): 喜欢简约风格, likes a minimalist style");
        assertThat(summaries(text("refund minimalist"))).isEmpty();
    }

    @Test
    void textTypesAndTimeCombine() throws IOException {
        GetCustomerTimeline query = new GetCustomerTimeline(LINA, EnumSet.of(TimelineEntryType.COMPLAINT), "cake",
                CaseStories.T0.plus(Duration.ofMinutes(6)), null, 100, null);

        assertThat(summaries(query)).containsExactly("Contact (LISTEN): second cake also mouldy",
                "Complaint reopened: mould found on a second cake",
                "Resolution proposed: Refund and a coupon, store manager calls back; compensation: REFUND 12.50 CNY "
                        + "(cake price), COUPON 20.00 CNY (next purchase), GIFT (flowers)");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 50, 100})
    void cursorsPageThroughEveryEntryOnceNewestFirst(int pageSize) throws IOException {
        List<String> seen = new ArrayList<>();
        String after = null;
        TimelinePage page;
        do {
            page = queries.handle(new GetCustomerTimeline(BUSY, null, null, null, null, pageSize, after));
            assertThat(page.totalCount()).isEqualTo(BUSY_ENTRIES);
            assertThat(page.hits()).hasSizeLessThanOrEqualTo(pageSize);
            page.hits().forEach(hit -> seen.add(hit.entry().entryId()));
            after = page.endCursor();
        } while (page.hasNextPage());

        assertThat(seen).containsExactlyElementsOf(newestFirst(busy).stream().map(TimelineEntry::entryId)
                .collect(Collectors.toList()));
    }

    @Test
    void thePageSizeIsClampedToOneAndTheMaximum() throws IOException {
        TimelinePage huge = queries.handle(new GetCustomerTimeline(BUSY, null, null, null, null, 10_000, null));
        TimelinePage none = queries.handle(new GetCustomerTimeline(BUSY, null, null, null, null, 0, null));

        assertThat(huge.hits()).hasSize(GetCustomerTimeline.MAX_PAGE_SIZE);
        assertThat(huge.hasNextPage()).isTrue();
        assertThat(none.hits()).hasSize(1);
    }

    @Test
    void aForeignCursorIsAnInvalidValue() {
        assertThatThrownBy(() -> queries.handle(new GetCustomerTimeline(BUSY, null, null, null, null, 10, "bm9uc2Vuc2U")))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("after"));
    }

    static List<TimelineEntry> newestFirst(List<TimelineEntry> entries) {
        return entries.stream().sorted(Comparator.comparing(TimelineEntry::occurredAt).reversed()
                .thenComparing(Comparator.comparingLong(TimelineEntry::position).reversed())
                .thenComparing(TimelineEntry::entryId)).collect(Collectors.toList());
    }

    private static TimelineEntry put(Object event, CustomerId customer, StaffId by, Instant at) throws IOException {
        long at_position = position++;
        // Positions run against time for the busy customer's pairs: the second of a pair has the lower position.
        long stored = customer.equals(BUSY) && at_position % 2 == 0 ? at_position - 1 : customer.equals(BUSY)
                ? at_position + 1 : at_position;
        TimelineEntry entry = TimelineProjection.entry(event, customer, by, at, "e-" + customer + "-" + at_position,
                stored);
        index.create(index.writeIndex(), entry, false);
        return entry;
    }

    private static GetCustomerTimeline query(CustomerId customer) {
        return new GetCustomerTimeline(customer, null, null, null, null, GetCustomerTimeline.MAX_PAGE_SIZE, null);
    }

    private static GetCustomerTimeline query(CustomerId customer, Set<TimelineEntryType> types) {
        return new GetCustomerTimeline(customer, types, null, null, null, GetCustomerTimeline.MAX_PAGE_SIZE, null);
    }

    private static GetCustomerTimeline text(String text) {
        return new GetCustomerTimeline(LINA, null, text, null, null, GetCustomerTimeline.MAX_PAGE_SIZE, null);
    }

    private static List<TimelineEntry> entries(GetCustomerTimeline query) throws IOException {
        return queries.handle(query).hits().stream().map(TimelinePage.Hit::entry).collect(Collectors.toList());
    }

    private static List<String> summaries(GetCustomerTimeline query) throws IOException {
        return entries(query).stream().map(TimelineEntry::summary).collect(Collectors.toList());
    }
}
