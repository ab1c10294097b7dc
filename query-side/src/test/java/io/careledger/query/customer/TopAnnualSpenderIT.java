package io.careledger.query.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.careledger.api.common.Money;
import io.careledger.api.common.StoreId;
import io.careledger.api.customer.CustomerEvent;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.FindTopAnnualSpender;
import io.careledger.api.customer.TopSpender;
import io.careledger.query.care.CareTaskIndex;
import io.careledger.query.cases.CaseIndex;
import io.careledger.query.elasticsearch.TestElasticsearch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TopAnnualSpenderIT {
    private static final ElasticsearchClient client = TestElasticsearch.client();
    private static final CustomerIndex index = new CustomerIndex(client, "it-top-spender");
    private static final CustomerQueries queries = new CustomerQueries(client, index, new CustomerActivities(client,
            new CaseIndex(client, "it-top-spender-cases"), new CareTaskIndex(client, "it-top-spender-care")));
    private static final Set<StoreId> EAST = Set.of(StoreId.of("SH-001"), StoreId.of("SH-002"));
    private static final Set<StoreId> NORTH = Set.of(StoreId.of("BJ-001"));

    @BeforeAll
    static void indexCustomers() throws IOException {
        index.ensureExists();
        customer("a-east-1", "SH-001", "2025-06-01T10:00:00Z", "1000.00", "2026-03-01T10:00:00Z", "50.00");
        // Indexed before a-east-2 with the same 2025 spend: the tie must still go to the lower id.
        customer("a-east-9", "SH-001", "2025-03-01T10:00:00Z", "1000.01");
        // 999.99 plus 0.02 in the last second of 2025 (UTC), and 5000.00 in the first instant of 2026.
        customer("a-east-2", "SH-002", "2025-02-01T10:00:00Z", "999.99", "2025-12-31T23:59:59Z", "0.02",
                "2026-01-01T00:00:00Z", "5000.00");
        customer("a-north-1", "BJ-001", "2025-07-01T10:00:00Z", "99999.99");
        customer("a-other", "SH-003", "2024-07-01T10:00:00Z", "1.00");
        // Beyond what a double holds exactly (2^53 hundredths): as doubles the two would tie and a-xl-1 would win.
        customer("a-xl-1", "XL-001", "2025-01-01T10:00:00Z", "90071992547409.92");
        customer("a-xl-2", "XL-001", "2025-01-01T10:00:00Z", "90071992547409.93");
        index.refresh();
    }

    @Test
    void theTopSpenderOfARegionAndItsExactSpend() throws IOException {
        assertThat(top(2025, EAST)).contains(new TopSpender(CustomerId.of("a-east-2"), Money.of("1000.01", "CNY")));
        assertThat(top(2025, NORTH)).contains(new TopSpender(CustomerId.of("a-north-1"), Money.of("99999.99", "CNY")));
    }

    @Test
    void equalSpendsGoToTheLowerCustomerIdWhateverTheIndexingOrder() throws IOException {
        for (int i = 0; i < 5; i++) {
            assertThat(top(2025, Set.of(StoreId.of("SH-001"), StoreId.of("SH-002"))).map(TopSpender::customerId))
                    .contains(CustomerId.of("a-east-2"));
        }
        assertThat(top(2025, Set.of(StoreId.of("SH-001")))).as("without a-east-2, a-east-9 beats a-east-1 by a cent")
                .contains(new TopSpender(CustomerId.of("a-east-9"), Money.of("1000.01", "CNY")));
    }

    @Test
    void theYearIsUtcsAndItsBoundaryIsExact() throws IOException {
        assertThat(top(2026, EAST)).contains(new TopSpender(CustomerId.of("a-east-2"), Money.of("5000.00", "CNY")));
        assertThat(top(2024, EAST)).isEmpty();
        assertThat(top(2024, Set.of(StoreId.of("SH-003")))).map(TopSpender::customerId)
                .contains(CustomerId.of("a-other"));
    }

    @Test
    void theRegionIsTheHomeStoresAndOnlyThem() throws IOException {
        assertThat(top(2025, null)).as("every store").contains(
                new TopSpender(CustomerId.of("a-xl-2"), Money.of("90071992547409.93", "CNY")));
        assertThat(top(2025, Set.of())).as("an empty region").isEmpty();
        assertThat(top(2025, Set.of(StoreId.of("NOWHERE")))).isEmpty();
        assertThat(top(2025, Set.of(StoreId.of("SH-003")))).as("spent in another year only").isEmpty();
    }

    @Test
    void amountsBeyondDoublePrecisionCompareExactly() throws IOException {
        assertThat(top(2025, Set.of(StoreId.of("XL-001"))))
                .contains(new TopSpender(CustomerId.of("a-xl-2"), Money.of("90071992547409.93", "CNY")));
    }

    private static Optional<TopSpender> top(int year, Set<StoreId> stores) throws IOException {
        return queries.handle(new FindTopAnnualSpender(year, stores));
    }

    /** A customer of the home store with purchases given as (purchasedAt, total) pairs. */
    private static void customer(String id, String store, String... purchases) throws IOException {
        List<CustomerEvent> events = new ArrayList<>();
        events.add(CustomerStories.registered(id, "Customer " + id, "+86 100", store, Instant.parse("2024-01-01T00:00:00Z")));
        for (int i = 0; i < purchases.length; i += 2) {
            events.add(CustomerStories.purchase(id, id + "-order-" + i, Instant.parse(purchases[i]), purchases[i + 1],
                    purchases[i + 1], 0, 0));
        }
        index.put(index.writeIndex(), CustomerStories.document(events));
    }
}
