package io.careledger.bench;

import static io.careledger.bench.Bench.say;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.ResponseBody;
import co.elastic.clients.json.JsonData;
import com.zaxxer.hikari.HikariDataSource;
import io.careledger.api.cases.CaseKind;
import io.careledger.api.cases.SearchCases;
import io.careledger.api.common.Channel;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.complaint.ComplaintAcknowledged;
import io.careledger.api.complaint.ComplaintCategory;
import io.careledger.api.complaint.ComplaintFiled;
import io.careledger.api.complaint.ComplaintId;
import io.careledger.api.complaint.Department;
import io.careledger.api.complaint.Severity;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.refund.RefundStatus;
import io.careledger.api.timeline.GetCustomerTimeline;
import io.careledger.query.cases.CaseIndex;
import io.careledger.query.cases.CaseQueries;
import io.careledger.query.timeline.TimelineIndex;
import io.careledger.query.timeline.TimelineQueries;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import tools.jackson.databind.JsonNode;

/** The phases of a run, each measuring one figure and its raw part, and writing its section of the results. */
final class Phases {
    static final String THROUGHPUT = "1. Command throughput";
    static final String LAG = "2. Projection lag";
    static final String REBUILD = "3. Rebuild rate";
    static final String QUERIES = "4. Query latency";
    static final String START_UP = "5. Start-up and memory";
    private static final String FILE = """
            mutation($input: FileComplaintInput!) { fileComplaint(input: $input) {
              complaint { id status severity } errors { code message field } } }""";
    private static final String ACKNOWLEDGE = """
            mutation($id: ID!, $requestId: String) { acknowledgeComplaint(input: {complaintId: $id, requestId: $requestId}) {
              complaint { id status owner } errors { code message field } } }""";
    private static final String SEARCH = """
            query($text: String, $kind: CaseKind, $storeId: ID, $refundStatus: RefundStatus, $first: Int) {
              searchCases(text: $text, kind: $kind, storeId: $storeId, refundStatus: $refundStatus, first: $first) {
                totalCount pageInfo { hasNextPage endCursor }
                edges { cursor node { id kind customerId storeId openedAt ... on Complaint { status severity description } } } } }""";
    private static final String TIMELINE = """
            query($id: ID!) { customerTimeline(customerId: $id, first: 20) {
              totalCount pageInfo { hasNextPage endCursor }
              edges { cursor node { id type eventType occurredAt summary staffId } } } }""";
    private static final String LAG_PROBE = """
            query($text: String) { searchCases(text: $text, first: 1) { totalCount } }""";

    private final Options options;
    private final ServiceProcess service;
    private final ElasticsearchClient elasticsearch;
    private final Report report;
    private final List<Profile.Window> windows;
    private final long servicePid;
    private final long elasticsearchPid;
    private final GraphQl agent;
    private final GraphQl admin;

    Phases(Options options, ServiceProcess service, ElasticsearchClient elasticsearch, Report report,
           List<Profile.Window> windows, long servicePid, long elasticsearchPid) {
        this.options = options;
        this.service = service;
        this.elasticsearch = elasticsearch;
        this.report = report;
        this.windows = windows;
        this.servicePid = servicePid;
        this.elasticsearchPid = elasticsearchPid;
        this.agent = new GraphQl(service.url(), "agent", "agent-pass");
        this.admin = new GraphQl(service.url(), "admin", "admin-pass");
    }

    record StartUp(double readySeconds, long serviceRssMib, long elasticsearchRssMib) {
    }

    /** Collects what a later phase (the raw appends, after the service stopped) compares with. */
    static final class Measured {
        double mutationsPerSecond;
        Latencies mutationLatency = new Latencies();
        /** Complaints the throughput clients filed: their stored events are what the raw part matches in size. */
        final Queue<String> throughputComplaints = new ConcurrentLinkedQueue<>();
    }

    // ---------------------------------------------------------------------------------------------------------
    // 5 (first half): start-up on an empty data directory

    static StartUp startEmpty(Options options, Path dataDir, Path log) throws Exception {
        say("Start-up: starting the packaged service on an empty data directory");
        try (ServiceProcess service = ServiceProcess.start(options.serviceJar(), dataDir, log, null,
                options.serviceArgs())) {
            double ready = service.awaitReady(Duration.ofMinutes(5));
            StartUp startUp = new StartUp(ready, ServiceProcess.peakRssMib(service.pid()).orElse(-1),
                    ServiceProcess.peakRssMib(service.elasticsearchPid()).orElse(-1));
            say("Start-up: ready in %.1f s (service peak RSS %,d MiB, Elasticsearch %,d MiB)", ready,
                    startUp.serviceRssMib(), startUp.elasticsearchRssMib());
            return startUp;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // The data: a million events written straight into the service's event store before it starts

    static void generate(Options options, Path dataDir, Path work, int customers) throws Exception {
        say("Generating %,d customers' history into %s", customers, dataDir);
        try (HikariDataSource dataSource = EventStoreFiles.open(EventStoreFiles.url(dataDir), 2)) {
            EventStoreFiles.migrate(dataSource, options.serviceJar(), work.resolve("gen"));
            JdbcEventStorageEngine engine = EventStoreFiles.engine(dataSource);
            DemoEvents demo = new DemoEvents(42, Instant.parse("2025-01-01T02:00:00Z"));
            List<DomainEventMessage<?>> batch = new ArrayList<>();
            long written = 0;
            long lastReport = System.nanoTime();
            for (int n = 0; n < customers; n++) {
                for (DemoEvents.Aggregate aggregate : demo.customer(n)) {
                    batch.addAll(aggregate.events());
                }
                if (batch.size() >= 5_000 || n == customers - 1) {
                    engine.appendEvents(batch);
                    written += batch.size();
                    batch.clear();
                    if (System.nanoTime() - lastReport > 5e9) {
                        lastReport = System.nanoTime();
                        say("  generated %,d customers, %,d events (%.0f%%)", n + 1, written, 100.0 * (n + 1) / customers);
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // 4. Query latency: GraphQL against the query-side code the service runs, called straight on Elasticsearch

    void queryLatency(int customers) throws Exception {
        int n = options.queries();
        say("Query latency: %,d searchCases and %,d customerTimeline calls over GraphQL and straight", n, n);
        CaseQueries cases = new CaseQueries(elasticsearch, new CaseIndex(elasticsearch));
        TimelineQueries timeline = new TimelineQueries(elasticsearch, new TimelineIndex(elasticsearch));
        IntFunction<Map<String, Object>> searchVariables = i -> switch (i % 4) {
            case 0 -> Map.of("text", DemoEvents.COMMON_WORDS, "first", 20);
            case 1 -> Map.of("kind", "COMPLAINT", "storeId", DemoEvents.STORES[i % 5], "first", 20);
            case 2 -> Map.of("text", "蛋糕 发霉", "first", 20);
            default -> Map.of("refundStatus", "PAID", "first", 20);
        };
        IntFunction<SearchCases> searchQuery = i -> switch (i % 4) {
            case 0 -> search(DemoEvents.COMMON_WORDS, null, null, null);
            case 1 -> search(null, CaseKind.COMPLAINT, new StoreId(DemoEvents.STORES[i % 5]), null);
            case 2 -> search("蛋糕 发霉", null, null, null);
            default -> search(null, null, null, RefundStatus.PAID);
        };
        Random random = new Random(7);
        int warmUp = Math.min(200, n / 2);
        Latencies searchGraphQl = new Latencies();
        Latencies searchDirect = new Latencies();
        Latencies timelineGraphQl = new Latencies();
        Latencies timelineDirect = new Latencies();
        Instant from = Instant.now();
        for (int i = -warmUp; i < n; i++) {
            int shape = Math.floorMod(i, 4);
            String customer = DemoEvents.customerId(random.nextInt(customers));
            // Alternate which path goes first, so neither always finds the caches the other warmed.
            boolean graphQlFirst = (i & 1) == 0;
            for (int order = 0; order < 2; order++) {
                boolean viaGraphQl = (order == 0) == graphQlFirst;
                long t0 = System.nanoTime();
                if (viaGraphQl) {
                    agent.call(SEARCH, searchVariables.apply(shape));
                } else {
                    cases.handle(searchQuery.apply(shape));
                }
                long t1 = System.nanoTime();
                if (viaGraphQl) {
                    agent.call(TIMELINE, Map.of("id", customer));
                } else {
                    timeline.handle(new GetCustomerTimeline(new CustomerId(customer), null, null, null, null, 20, null));
                }
                long t2 = System.nanoTime();
                if (i >= 0) {
                    (viaGraphQl ? searchGraphQl : searchDirect).add(t1 - t0);
                    (viaGraphQl ? timelineGraphQl : timelineDirect).add(t2 - t1);
                }
            }
        }
        windows.add(new Profile.Window(QUERIES, from, Instant.now()));
        double searchAdded = searchGraphQl.percentileMillis(99) - searchDirect.percentileMillis(99);
        double timelineAdded = timelineGraphQl.percentileMillis(99) - timelineDirect.percentileMillis(99);
        say("  searchCases p50/p99 %.1f/%.1f ms (straight %.1f/%.1f); customerTimeline %.1f/%.1f ms (straight %.1f/%.1f)",
                searchGraphQl.percentileMillis(50), searchGraphQl.percentileMillis(99), searchDirect.percentileMillis(50),
                searchDirect.percentileMillis(99), timelineGraphQl.percentileMillis(50),
                timelineGraphQl.percentileMillis(99), timelineDirect.percentileMillis(50),
                timelineDirect.percentileMillis(99));
        for (String[] row : new String[][] {
                {"searchCases", fmt(searchGraphQl), fmt(searchDirect), String.format("+%.1f ms at p99", searchAdded),
                        searchAdded <= 10 ? "met" : "not met"},
                {"customerTimeline", fmt(timelineGraphQl), fmt(timelineDirect),
                        String.format("+%.1f ms at p99", timelineAdded), timelineAdded <= 10 ? "met" : "not met"}}) {
            report.row("4. " + row[0] + " p50 / p99", row[1], row[2], row[3], "GraphQL adds ≤ 10 ms at p99", row[4]);
        }
        report.section(QUERIES, String.format("""
                %,d calls of each query after %,d warm-up calls, one client, on the full data set; each call is made
                both ways back to back (alternating which goes first): over HTTP GraphQL as `agent` (security, the
                controller, Axon's query bus, the query handler, JSON) and straight (the same `CaseQueries` /
                `TimelineQueries` code the service runs, called in the bench JVM on the same Elasticsearch: the
                bare query plus our mapping of hits). `searchCases` rotates four shapes: a word in every complaint
                (`%s`, many hits), kind + store filters, a Chinese two-word text search, refund status `PAID`; first
                20, sorted newest first. `customerTimeline`: a random customer's first 20 entries.

                | query | GraphQL p50 / p99 | straight p50 / p99 | GraphQL adds at p99 |
                |---|---|---|---|
                | `searchCases` | %s | %s | %.1f ms |
                | `customerTimeline` | %s | %s | %.1f ms |
                """, n, warmUp, DemoEvents.COMMON_WORDS, fmt(searchGraphQl), fmt(searchDirect), searchAdded,
                fmt(timelineGraphQl), fmt(timelineDirect), timelineAdded));
    }

    private static SearchCases search(String text, CaseKind kind, StoreId store, RefundStatus refundStatus) {
        return new SearchCases(text, kind, null, refundStatus, null, null, store, null, null, null, null, null, 20, null);
    }

    // ---------------------------------------------------------------------------------------------------------
    // 2. Projection lag: from a mutation's answer to the case being findable, against the refresh interval

    void projectionLag(int customers) throws Exception {
        int total = options.lagCases();
        Duration refresh = refreshInterval();
        say("Projection lag: %,d complaints, %d clients each filing one and searching for it every 50 ms (refresh "
                + "interval %s)", total, Options.CLIENTS, refresh);
        Latencies lag = new Latencies();
        AtomicInteger next = new AtomicInteger();
        String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        Instant from = Instant.now();
        runClients(() -> {
            Random random = new Random();
            int i;
            while ((i = next.getAndIncrement()) < total) {
                String token = "lag" + run + "x" + i;
                Map<String, Object> input = Map.of("customerId", DemoEvents.customerId(random.nextInt(customers)),
                        "channel", "HOTLINE", "category", "PRODUCT_QUALITY", "storeId", "SH-001",
                        "description", "Probe " + token + ": jacket seam split after one wash");
                agent.call(FILE, Map.of("input", input));
                long answered = System.nanoTime();
                while (true) {
                    JsonNode found = agent.call(LAG_PROBE, Map.of("text", token));
                    if (found.get("searchCases").get("totalCount").asInt() > 0) {
                        lag.add(System.nanoTime() - answered);
                        break;
                    }
                    if (System.nanoTime() - answered > 120e9) {
                        throw new IllegalStateException("Complaint " + token + " not findable after 120 s");
                    }
                    Thread.sleep(50);
                }
                if (i % 250 == 0) {
                    say("  %,d of %,d probes", i, total);
                }
            }
            return null;
        });
        windows.add(new Profile.Window(LAG, from, Instant.now()));
        double limit = refresh.toMillis() * 1.5;
        say("  lag p50 %.0f ms, p99 %.0f ms", lag.percentileMillis(50), lag.percentileMillis(99));
        report.row("2. projection lag p50 / p99", String.format("%.0f / %.0f ms", lag.percentileMillis(50),
                        lag.percentileMillis(99)), "refresh interval " + refresh.toMillis() + " ms",
                String.format("p99 = %.2f × refresh", lag.percentileMillis(99) / refresh.toMillis()),
                "p99 ≤ 1.5 × refresh interval", lag.percentileMillis(99) <= limit ? "met" : "not met");
        report.section(LAG, String.format("""
                %,d complaints filed over GraphQL by %d concurrent clients; after each `fileComplaint` answered, the
                client searched for the complaint's unique word with `searchCases` every 50 ms until it was found. Lag
                is from the mutation's answer to the answer of the first search that found it (so it includes up to
                one search round trip and the 50 ms poll step). The case index's refresh interval (read from
                Elasticsearch, default included) is %d ms.

                | lag | p50 | p90 | p99 | max | mean |
                |---|---|---|---|---|---|
                | mutation answered → findable by `searchCases` | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %.0f ms |
                """, lag.count(), Options.CLIENTS, refresh.toMillis(), lag.percentileMillis(50), lag.percentileMillis(90),
                lag.percentileMillis(99), lag.percentileMillis(100), lag.meanMillis()));
    }

    private Duration refreshInterval() throws IOException, InterruptedException {
        URI settings = service.elasticsearch().resolve("/" + CaseIndex.DEFAULT_NAME
                + "/_settings?include_defaults=true&flat_settings=true");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(settings).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode index = GraphQl.JSON.readTree(response.body()).iterator().next();
        JsonNode value = index.path("settings").path("index.refresh_interval");
        if (value.isMissingNode()) {
            value = index.path("defaults").path("index.refresh_interval");
        }
        String text = value.asString("1s");
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        return Duration.ofMillis((long) (Double.parseDouble(text.substring(0, text.length() - 1)) * 1000));
    }

    // ---------------------------------------------------------------------------------------------------------
    // 1. Command throughput (GraphQL half; the raw appends run after the service stopped)

    void commandThroughput(int customers, Measured measured) throws Exception {
        int warmUp = Math.max(5, Math.min(10, options.seconds() / 3));
        say("Command throughput: %d clients filing and acknowledging complaints, %d s warm-up, %d s measured",
                Options.CLIENTS, warmUp, options.seconds());
        long start = System.nanoTime();
        long measureFrom = start + warmUp * 1_000_000_000L;
        long measureTo = measureFrom + options.seconds() * 1_000_000_000L;
        AtomicLong mutations = new AtomicLong();
        Latencies file = new Latencies();
        Latencies acknowledge = new Latencies();
        Instant[] window = new Instant[2];
        runClients(() -> {
            Random random = new Random();
            while (System.nanoTime() < measureTo) {
                // Every mutation carries a fresh requestId, as real clients do since mutations became idempotent:
                // the measured path includes the request bookkeeping (mutation_request) a real call pays for.
                Map<String, Object> input = Map.of("customerId", DemoEvents.customerId(random.nextInt(customers)),
                        "channel", "HOTLINE", "category", "PRODUCT_QUALITY", "storeId", "SH-001",
                        "description", "benchthroughput 顾客反映外套洗一次后开线，要求免费修补",
                        "requestId", UUID.randomUUID().toString());
                long t0 = System.nanoTime();
                JsonNode filed = agent.call(FILE, Map.of("input", input));
                long t1 = System.nanoTime();
                String complaintId = filed.get("fileComplaint").get("complaint").get("id").asString();
                agent.call(ACKNOWLEDGE, Map.of("id", complaintId, "requestId", UUID.randomUUID().toString()));
                measured.throughputComplaints.add(complaintId);
                long t2 = System.nanoTime();
                if (t0 >= measureFrom && t1 <= measureTo) {
                    file.add(t1 - t0);
                    mutations.incrementAndGet();
                }
                if (t1 >= measureFrom && t2 <= measureTo) {
                    acknowledge.add(t2 - t1);
                    mutations.incrementAndGet();
                }
            }
            return null;
        }, () -> {
            // The measured window, for the profile.
            sleepUntil(measureFrom);
            window[0] = Instant.now();
            sleepUntil(measureTo);
            window[1] = Instant.now();
            return null;
        });
        windows.add(new Profile.Window(THROUGHPUT, window[0], window[1]));
        measured.mutationsPerSecond = mutations.get() / (double) options.seconds();
        measured.mutationLatency.addAll(file);
        measured.mutationLatency.addAll(acknowledge);
        say("  %,.0f mutations/s; p99 fileComplaint %.0f ms, acknowledgeComplaint %.0f ms",
                measured.mutationsPerSecond, file.percentileMillis(99), acknowledge.percentileMillis(99));
        report.section(THROUGHPUT, String.format("""
                %d concurrent clients, each filing a complaint (`fileComplaint`) for a random generated customer and
                acknowledging it (`acknowledgeComplaint`), over HTTP GraphQL as `agent`, each mutation with a fresh
                `requestId` as real clients send (so the idempotency bookkeeping is measured), for %d s after a %d s warm-up:
                **%,.0f mutations/s** (%,d mutations in the window). Latency per mutation:

                | mutation | p50 | p90 | p99 | max |
                |---|---|---|---|---|
                | `fileComplaint` | %.0f ms | %.0f ms | %.0f ms | %.0f ms |
                | `acknowledgeComplaint` | %.0f ms | %.0f ms | %.0f ms | %.0f ms |
                | both | %.0f ms | %.0f ms | %.0f ms | %.0f ms |
                """, Options.CLIENTS, options.seconds(), warmUp, measured.mutationsPerSecond, mutations.get(),
                file.percentileMillis(50), file.percentileMillis(90), file.percentileMillis(99), file.percentileMillis(100),
                acknowledge.percentileMillis(50), acknowledge.percentileMillis(90), acknowledge.percentileMillis(99),
                acknowledge.percentileMillis(100), measured.mutationLatency.percentileMillis(50),
                measured.mutationLatency.percentileMillis(90), measured.mutationLatency.percentileMillis(99),
                measured.mutationLatency.percentileMillis(100)));
    }

    /**
     * The raw part of figure 1: the same engine (Axon's JDBC engine on an H2 file written through, Hikari pool,
     * stable names, Jackson 3) on a fresh database with the service's schema, 8 writer threads, each appending the
     * two events a file-and-acknowledge makes, one append (one transaction) each, like one command each. Runs
     * after the service stopped, so nothing else writes to the disk.
     */
    static void rawAppends(Options options, Path work, Measured measured, Report report) throws Exception {
        int warmUp = 5;
        say("Raw appends: %d threads appending complaint events to a fresh H2 event store, %d s warm-up, %d s measured",
                Options.CLIENTS, warmUp, options.seconds());
        Path dataDir = work.resolve("raw");
        long start = System.nanoTime();
        long measureFrom = start + warmUp * 1_000_000_000L;
        long measureTo = measureFrom + options.seconds() * 1_000_000_000L;
        AtomicLong appends = new AtomicLong();
        Latencies latency = new Latencies();
        double[] serviceSizes;
        try (HikariDataSource dataSource = EventStoreFiles.open(EventStoreFiles.url(work.resolve("data")), 1)) {
            serviceSizes = payloadSizes(dataSource, sample(measured.throughputComplaints));
        }
        // The service seals the description with the customer's key (personal data), which makes its stored
        // payload longer than the same event in clear; the raw description is padded by the difference so both
        // sides write payloads of the same size (the sealing itself is the service's work, and is measured there).
        String rawDescription = "benchthroughput 顾客反映外套洗一次后开线，要求免费修补";
        int padding = (int) Math.max(0, Math.round(serviceSizes[0] - unpaddedFiledSize(rawDescription)));
        String description = padding == 0 ? rawDescription : rawDescription + " " + "x".repeat(padding - 1);
        double[] rawSizes;
        List<String> rawComplaints = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (HikariDataSource dataSource = EventStoreFiles.open(EventStoreFiles.url(dataDir), 10)) {
            EventStoreFiles.migrate(dataSource, options.serviceJar(), work.resolve("raw-gen"));
            JdbcEventStorageEngine engine = EventStoreFiles.engine(dataSource);
            runClients(options, () -> {
                while (System.nanoTime() < measureTo) {
                    ComplaintId id = ComplaintId.generate();
                    String customer = DemoEvents.customerId(ThreadLocalRandom.current().nextInt(100_000));
                    Instant now = Instant.now();
                    StaffId agent = new StaffId("agent");
                    Map<String, String> meta = Map.of("actor", "agent", "channel", "API",
                            "correlationId", UUID.randomUUID().toString(), "causationId", UUID.randomUUID().toString());
                    List<DomainEventMessage<?>> events = List.of(
                            new GenericDomainEventMessage<>("ComplaintAggregate", id.value(), 0,
                                    filedEvent(id, customer, description, now), meta),
                            new GenericDomainEventMessage<>("ComplaintAggregate", id.value(), 1,
                                    new ComplaintAcknowledged(id, true, agent, now), meta));
                    if (rawComplaints.size() < SIZE_SAMPLE) {
                        rawComplaints.add(id.value());
                    }
                    for (DomainEventMessage<?> event : events) {
                        long t0 = System.nanoTime();
                        engine.appendEvents(event);
                        long t1 = System.nanoTime();
                        if (t0 >= measureFrom && t1 <= measureTo) {
                            appends.incrementAndGet();
                            latency.add(t1 - t0);
                        }
                    }
                }
                return null;
            });
            rawSizes = payloadSizes(dataSource, rawComplaints);
        }
        double rawRate = appends.get() / (double) options.seconds();
        double ratio = measured.mutationsPerSecond / rawRate;
        say("  %,.0f appends/s raw; GraphQL reached %.2f of it", rawRate, ratio);
        report.row("1. command throughput (8 clients)", String.format("%,.0f mutations/s, p99 %.0f ms",
                        measured.mutationsPerSecond, measured.mutationLatency.percentileMillis(99)),
                String.format("%,.0f appends/s, p99 %.1f ms", rawRate, latency.percentileMillis(99)),
                String.format("%.2f", ratio), "≥ 0.5 of raw append rate", ratio >= 0.5 ? "met" : "not met");
        report.append(THROUGHPUT, String.format("""
                **Raw part:** the same engine the service uses (Axon's JDBC engine, H2 file written through, Hikari
                pool, events as Jackson 3 JSON under their stable names) on a fresh database migrated with the service's
                own migration, %d threads each appending the two events a file-and-acknowledge records
                (`complaint.filed`, `complaint.acknowledged`), one append (one transaction) each, for %d s after a %d s
                warm-up, with the service stopped: **%,.0f appends/s**, p50 %.1f ms, p99 %.1f ms per append.
                Ratio: %,.0f mutations/s ÷ %,.0f appends/s = **%.2f** (target ≥ 0.5).

                Same payload sizes: average stored payload / metadata bytes of `complaint.filed` and
                `complaint.acknowledged`, service (this run's throughput phase) %.0f / %.0f and %.0f / %.0f, raw %.0f /
                %.0f and %.0f / %.0f. The service stores the description sealed with the customer's key; the raw
                description is padded by %d characters to the same stored size.
                """, Options.CLIENTS, options.seconds(), warmUp, rawRate, latency.percentileMillis(50),
                latency.percentileMillis(99), measured.mutationsPerSecond, rawRate, ratio, serviceSizes[0],
                serviceSizes[1], serviceSizes[2], serviceSizes[3], rawSizes[0], rawSizes[1], rawSizes[2], rawSizes[3],
                padding));
    }

    private static final int SIZE_SAMPLE = 500;

    private static ComplaintFiled filedEvent(ComplaintId id, String customer, String description, Instant now) {
        return new ComplaintFiled(id, new CustomerId(customer), Channel.HOTLINE, ComplaintCategory.PRODUCT_QUALITY,
                description, new StoreId("SH-001"), null, null, Severity.LEVEL_2, Department.QUALITY_CONTROL,
                now.plus(Duration.ofHours(24)), "severity-2026.1", "routing-2026.1", new StaffId("agent"), now);
    }

    /** The stored size of the raw part's filed event with this description, as the raw engine writes it. */
    private static int unpaddedFiledSize(String description) {
        return EventStoreFiles.serializer().serialize(filedEvent(ComplaintId.generate(),
                DemoEvents.customerId(0), description, Instant.now()), byte[].class).getData().length;
    }

    private static List<String> sample(Queue<String> ids) {
        return ids.stream().limit(SIZE_SAMPLE).toList();
    }

    /**
     * Average payload and metadata sizes of the filed and acknowledged events of these complaints (found by id:
     * the service stores the description sealed, so it cannot be found by its text).
     */
    private static double[] payloadSizes(HikariDataSource dataSource, List<String> complaints) throws SQLException {
        double[] sizes = new double[4];
        if (complaints.isEmpty()) {
            return sizes;
        }
        String ids = String.join(",", java.util.Collections.nCopies(complaints.size(), "?"));
        String[] types = {"complaint.filed", "complaint.acknowledged"};
        try (Connection connection = dataSource.getConnection()) {
            for (int t = 0; t < types.length; t++) {
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT AVG(OCTET_LENGTH(payload)), AVG(OCTET_LENGTH(metaData)) FROM DomainEventEntry "
                                + "WHERE payloadType = ? AND aggregateIdentifier IN (" + ids + ")")) {
                    statement.setString(1, types[t]);
                    for (int i = 0; i < complaints.size(); i++) {
                        statement.setString(i + 2, complaints.get(i));
                    }
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        sizes[2 * t] = rows.getDouble(1);
                        sizes[2 * t + 1] = rows.getDouble(2);
                    }
                }
            }
        }
        return sizes;
    }

    // ---------------------------------------------------------------------------------------------------------
    // 3. Rebuild rate, against raw bulk indexing of the same documents

    void rebuild(DemoEvents.Counts counts) throws Exception {
        say("Rebuild: rebuildProjection for CASES, CUSTOMERS, TIMELINE, CARE_TASKS and METRICS at once");
        // Every projection the service has (ProjectionName), so the figure is the rebuild of all of them.
        String[] projections = {"CASES", "CUSTOMERS", "TIMELINE", "CARE_TASKS", "METRICS"};
        Map<String, String> targets = new LinkedHashMap<>();
        Map<String, Double> finished = new LinkedHashMap<>();
        Instant from = Instant.now();
        long start = System.nanoTime();
        double esCpu0 = ServiceProcess.cpuSeconds(elasticsearchPid);
        double serviceCpu0 = ServiceProcess.cpuSeconds(servicePid);
        for (String projection : projections) {
            JsonNode started = admin.call("mutation($p: ProjectionName!) { rebuildProjection(projection: $p) { phase index } }",
                    Map.of("p", projection));
            targets.put(projection, started.get("rebuildProjection").get("index").asString());
        }
        long total = 0;
        long lastReport = 0;
        while (finished.size() < projections.length) {
            Thread.sleep(2000);
            StringBuilder progress = new StringBuilder();
            for (String projection : projections) {
                JsonNode state = admin.call("query($p: ProjectionName!) { projectionRebuild(projection: $p) { phase "
                        + "processed total percent failure } }", Map.of("p", projection)).get("projectionRebuild");
                String phase = state.get("phase").asString();
                if ("FAILED".equals(phase)) {
                    throw new IllegalStateException("Rebuild of " + projection + " failed: " + state.get("failure"));
                }
                total = Math.max(total, state.get("total").asLong());
                if ("COMPLETED".equals(phase) && !finished.containsKey(projection)) {
                    finished.put(projection, (System.nanoTime() - start) / 1e9);
                }
                progress.append(String.format(" %s %s %d%%", projection, phase, state.get("percent").asInt()));
            }
            if (System.nanoTime() - lastReport > 10e9) {
                lastReport = System.nanoTime();
                say(" %s", progress);
            }
            if (System.nanoTime() - start > Duration.ofMinutes(120).toNanos()) {
                throw new IllegalStateException("The rebuild did not finish within 120 minutes");
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double serviceCpu = ServiceProcess.cpuSeconds(servicePid) - serviceCpu0;
        double esCpu = ServiceProcess.cpuSeconds(elasticsearchPid) - esCpu0;
        windows.add(new Profile.Window(REBUILD, from, Instant.now()));
        long events = total + 1;
        double rate = events / seconds;
        say("  rebuilt %,d events into all five projections in %.0f s (%,.0f events/s)", events, seconds, rate);

        say("Raw bulk: the rebuilt documents read back and bulk-indexed into fresh indices with the same mappings");
        long documents = 0;
        double bulkSeconds = 0;
        double esCpu1 = ServiceProcess.cpuSeconds(elasticsearchPid);
        StringBuilder perIndex = new StringBuilder();
        for (Map.Entry<String, String> target : targets.entrySet()) {
            double[] result = rawBulk(target.getKey(), target.getValue());
            documents += (long) result[0];
            bulkSeconds += result[1];
            perIndex.append(String.format("| %s | `%s` | %,d | %.0f s | %.1f s |%n", target.getKey(), target.getValue(),
                    (long) result[0], finished.get(target.getKey()), result[1]));
        }
        double rawEsCpu = ServiceProcess.cpuSeconds(elasticsearchPid) - esCpu1;
        double rawRate = events / bulkSeconds;
        double ratio = rate / rawRate;
        say("  bulk-indexed %,d documents in %.0f s (%,.0f documents/s, %,.0f events/s equivalent); ratio %.2f",
                documents, bulkSeconds, documents / bulkSeconds, rawRate, ratio);
        boolean underFive = seconds * (1_000_000.0 / events) < 300;
        report.row("3. rebuild rate (all five projections)", String.format("%,.0f events/s (%,d events in %.0f s)",
                        rate, events, seconds),
                String.format("%,.0f events/s equivalent (%,d documents bulk-indexed in %.0f s)", rawRate, documents,
                        bulkSeconds),
                String.format("%.2f", ratio), "≥ 0.5 of raw bulk; 1 M events < 5 min",
                (ratio >= 0.5 ? "met" : "not met") + "; " + (underFive ? "met" : "not met")
                        + String.format(" (1 M at this rate: %.1f min)", 1_000_000.0 / rate / 60));
        report.section(REBUILD, String.format("""
                `rebuildProjection` (as `admin`) for all five projections at once, progress polled with
                `projectionRebuild` every 2 s, until all five report `COMPLETED` (queries read the new indices):
                **%,d events in %.0f s, %,.0f events/s**. CPU used meanwhile: service %.0f s, Elasticsearch %.0f s
                (of %.0f s × 2 cores available).

                **Raw part:** the documents the rebuild produced, read back (scroll) and indexed into fresh indices
                created from the same mapping files with `_bulk` (1,000 documents per request, one client, default
                refresh), timing only the bulk requests: **%,d documents in %.1f s** (%,.0f documents/s; Elasticsearch
                used %.0f s CPU), i.e. the same end state at **%,.0f events/s**. Ratio %.2f (target ≥ 0.5); at the
                rebuild's rate 1,000,000 events take **%.1f min** (target < 5 min).

                | projection | rebuilt into | documents | rebuild done after | raw bulk |
                |---|---|---|---|---|
                %s""", events, seconds, rate, serviceCpu, esCpu, seconds, documents, bulkSeconds, documents / bulkSeconds,
                rawEsCpu, rawRate, ratio, 1_000_000.0 / rate / 60, perIndex));
    }

    /** @return documents and seconds spent in bulk requests */
    private double[] rawBulk(String projection, String source) throws IOException {
        String family = source.replaceAll("-\\d{6}$", "");
        String raw = "bench-raw-" + source;
        String mapping = "/elasticsearch/" + family.substring("careledger-".length()) + "-mapping.json";
        try (InputStream json = CaseIndex.class.getResourceAsStream(mapping)) {
            if (json == null) {
                throw new IllegalStateException("No mapping " + mapping + " for " + projection);
            }
            elasticsearch.indices().create(create -> create.index(raw).withJson(json));
        }
        long documents = 0;
        long bulkNanos = 0;
        ResponseBody<JsonData> page = elasticsearch.search(search -> search.index(source).size(1000)
                .scroll(time -> time.time("5m")).sort(sort -> sort.doc(doc -> doc)), JsonData.class);
        String scrollId = page.scrollId();
        while (!page.hits().hits().isEmpty()) {
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            for (Hit<JsonData> hit : page.hits().hits()) {
                bulk.operations(op -> op.index(index -> index.index(raw).id(hit.id()).document(hit.source())));
            }
            BulkRequest request = bulk.build();
            long t0 = System.nanoTime();
            BulkResponse response = elasticsearch.bulk(request);
            bulkNanos += System.nanoTime() - t0;
            if (response.errors()) {
                throw new IllegalStateException("Raw bulk into " + raw + " reported errors, e.g. "
                        + response.items().stream().filter(item -> item.error() != null).findFirst().orElseThrow().error());
            }
            documents += page.hits().hits().size();
            String id = scrollId;
            page = elasticsearch.scroll(scroll -> scroll.scrollId(id).scroll(time -> time.time("5m")), JsonData.class);
            scrollId = page.scrollId();
        }
        String id = scrollId;
        elasticsearch.clearScroll(clear -> clear.scrollId(id));
        return new double[] {documents, bulkNanos / 1e9};
    }

    // ---------------------------------------------------------------------------------------------------------
    // 5. Start-up and memory

    void startUp(StartUp empty, double readyWithData, double generationSeconds, DemoEvents.Counts counts)
            throws IOException {
        String elasticsearchJava;
        try {
            elasticsearchJava = Files.readSymbolicLink(Path.of("/proc", Long.toString(elasticsearchPid), "exe")).toString();
        } catch (IOException | UnsupportedOperationException e) {
            elasticsearchJava = "unknown";
        }
        long servicePeak = ServiceProcess.peakRssMib(servicePid).orElse(-1);
        long elasticsearchPeak = ServiceProcess.peakRssMib(elasticsearchPid).orElse(-1);
        report.row("5. start-up to ready (empty / with the data)", String.format("%.1f s / %.1f s",
                        empty.readySeconds(), readyWithData), "–", "–", "reported", "–");
        report.row("5. peak RSS (after start / whole run)", String.format("service %,d / %,d MiB; Elasticsearch %,d / "
                        + "%,d MiB", empty.serviceRssMib(), servicePeak, empty.elasticsearchRssMib(), elasticsearchPeak),
                "–", "–", "reported", "–");
        report.section(START_UP, String.format("""
                From `java %s -jar service/target/careledger-service.jar` (the README's start command: a fresh JVM,
                started by the bench with a free port and its own data directory) to `/actuator/health` answering `UP` (polled every 100 ms); that
                includes starting the managed Elasticsearch node and waiting for its health.

                | | empty data directory | with the generated store (%,d events) |
                |---|---|---|
                | start command → ready | %.1f s | %.1f s |
                | service JVM peak RSS (VmHWM) | %,d MiB (at ready) | %,d MiB (whole run) |
                | Elasticsearch peak RSS (VmHWM) | %,d MiB (at ready) | %,d MiB (whole run) |

                The service runs with the start command's heap cap; Elasticsearch with the configured 512 MiB heap,
                on `%s`. Writing the %,d generated events straight into the store took %.0f s
                (%,.0f events/s, batches of 5,000 in one transaction), which is context, not a figure.
                """, String.join(" ", ServiceProcess.START_OPTIONS), counts.events(), empty.readySeconds(), readyWithData, empty.serviceRssMib(), servicePeak,
                empty.elasticsearchRssMib(), elasticsearchPeak, elasticsearchJava, counts.events(), generationSeconds,
                counts.events() / generationSeconds));
    }

    // ---------------------------------------------------------------------------------------------------------

    @FunctionalInterface
    interface Client {
        Void run() throws Exception;
    }

    private void runClients(Client client, Client... others) throws Exception {
        runClients(options, client, others);
    }

    private static void runClients(Options options, Client client, Client... others) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Options.CLIENTS + others.length);
        try {
            List<Future<Void>> running = new ArrayList<>();
            for (int i = 0; i < Options.CLIENTS; i++) {
                running.add(pool.submit(client::run));
            }
            for (Client other : others) {
                running.add(pool.submit(other::run));
            }
            for (Future<Void> future : running) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }

    private static String fmt(Latencies latencies) {
        return String.format("%.1f / %.1f ms", latencies.percentileMillis(50), latencies.percentileMillis(99));
    }
}
