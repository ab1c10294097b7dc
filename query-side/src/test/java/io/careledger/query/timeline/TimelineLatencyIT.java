package io.careledger.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import io.careledger.api.customer.CustomerEvent;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.timeline.GetCustomerTimeline;
import io.careledger.api.timeline.TimelineEntry;
import io.careledger.api.timeline.TimelinePage;
import io.careledger.query.customer.CustomerStories;
import io.careledger.query.elasticsearch.TestElasticsearch;
import org.junit.jupiter.api.Test;

/**
 * How long the first page of a long timeline takes against the real node: measured and printed, never
 * asserted (the machines these run on are shared and their speed varies).
 */
class TimelineLatencyIT {
    private static final ElasticsearchClient client = TestElasticsearch.client();
    private static final TimelineIndex index = new TimelineIndex(client, "it-timeline-latency");
    private static final int ENTRIES = 1_000;
    private static final int OTHER_CUSTOMERS = 40;
    private static final int OTHER_ENTRIES_EACH = 100;
    private static final int WARM_UP = 30;
    private static final int RUNS = 50;
    private static final int PAGE = 50;

    @Test
    void firstPageOfFiftyOfAThousandEntries() throws IOException {
        index.ensureExists();
        CustomerId measured = CustomerId.of("latency-1");
        long position = 0;
        position = indexEntries(measured, ENTRIES, position);
        for (int i = 0; i < OTHER_CUSTOMERS; i++) {
            position = indexEntries(CustomerId.of("latency-other-" + i), OTHER_ENTRIES_EACH, position);
        }
        index.refresh();
        TimelineQueries queries = new TimelineQueries(client, index);
        GetCustomerTimeline firstPage = new GetCustomerTimeline(measured, null, null, null, null, PAGE, null);
        GetCustomerTimeline textPage = new GetCustomerTimeline(measured, null, "purchase", null, null, PAGE, null);

        TimelinePage page = queries.handle(firstPage);
        assertThat(page.totalCount()).isEqualTo(ENTRIES);
        assertThat(page.hits()).hasSize(PAGE);

        report("first page of " + PAGE, measure(queries, firstPage));
        report("first page of " + PAGE + " matching text 'purchase'", measure(queries, textPage));
    }

    private static double[] measure(TimelineQueries queries, GetCustomerTimeline query) throws IOException {
        for (int i = 0; i < WARM_UP; i++) {
            queries.handle(query);
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            queries.handle(query);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static void report(String what, double[] sorted) {
        System.out.printf("TIMELINE LATENCY: %s of %d entries of one customer (%d entries in the index), %d runs after "
                        + "%d warm-up: median %.2f ms, p90 %.2f ms, min %.2f ms, max %.2f ms%n", what, ENTRIES,
                ENTRIES + OTHER_CUSTOMERS * OTHER_ENTRIES_EACH, RUNS, WARM_UP, median(sorted),
                sorted[(int) Math.ceil(0.9 * sorted.length) - 1], sorted[0], sorted[sorted.length - 1]);
    }

    private static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 0 ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle];
    }

    /** The customer's file events over and over, one minute apart, in one bulk request. */
    private static long indexEntries(CustomerId customer, int count, long position) throws IOException {
        List<CustomerEvent> story = CustomerStories.lifecycle(customer.value(), CustomerStories.T0);
        List<TimelineEntry> entries = new ArrayList<>();
        Instant at = Instant.parse("2024-01-01T00:00:00Z");
        for (int i = 0; i < count; i++) {
            CustomerEvent event = story.get(i % story.size());
            entries.add(TimelineProjection.entry(event, customer, event.by(), at.plus(Duration.ofMinutes(i)),
                    customer + "-" + i, position++));
        }
        String target = index.writeIndex();
        BulkResponse response = client.bulk(BulkRequest.of(bulk -> {
            bulk.index(target);
            entries.forEach(entry -> bulk.operations(op -> op.create(create -> create.id(entry.entryId()).document(entry))));
            return bulk;
        }));
        assertThat(response.errors()).as("bulk indexing").isFalse();
        return position;
    }
}
