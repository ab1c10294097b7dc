package io.careledger.query.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.complaint.ComplaintCategory;
import io.careledger.api.complaint.Severity;
import io.careledger.api.metrics.CategoryShare;
import io.careledger.api.metrics.GetServiceMetrics;
import io.careledger.api.metrics.GetStaffPerformance;
import io.careledger.api.metrics.Granularity;
import io.careledger.api.metrics.LevelBreachRate;
import io.careledger.api.metrics.MetricsBucket;
import io.careledger.api.metrics.MetricsDefinition;
import io.careledger.api.metrics.StaffMetrics;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Answers the metrics queries with Elasticsearch aggregations over the metrics facts: one search per kind of
 * fact, each a {@code date_histogram} in {@link MetricsDefinition#ZONE} with sums, counts, averages, filters,
 * terms and a minute histogram (for the exact p90) beneath it. Only standard aggregations: the managed
 * Elasticsearch has no scripting. Rates, shares and the p90 are computed here from those additive parts, and
 * a zero denominator gives null. The repeat-purchase rate joins resolved complaints with the customers'
 * purchase facts here, so it does not depend on the order events were projected in.
 */
@Component
public class MetricsQueries {
    private static final int HISTOGRAM_PAGE = 5_000;
    private static final int TERMS_CHUNK = 1_000;
    /** More staff members than any store network here has; the terms aggregation needs a bound. */
    private static final int MAX_STAFF = 10_000;

    private final ElasticsearchClient client;
    private final String index;
    private final ZoneId zone;

    @Autowired
    public MetricsQueries(MetricsIndex index) {
        this(index.client(), index.readAlias(), MetricsDefinition.ZONE);
    }

    MetricsQueries(ElasticsearchClient client, String index, ZoneId zone) {
        this.client = client;
        this.index = index;
        this.zone = zone;
    }

    @QueryHandler
    public List<MetricsBucket> handle(GetServiceMetrics query) {
        try {
            return serviceMetrics(query);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @QueryHandler
    public List<StaffMetrics> handle(GetStaffPerformance query) {
        try {
            return staffPerformance(query);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<MetricsBucket> serviceMetrics(GetServiceMetrics q) throws IOException {
        Granularity g = q.granularity();
        Map<Long, DateHistogramBucket> complaints = histogram(q, complaintFilters(q), Map.of(
                "frtAvg", Aggregation.of(a -> a.avg(v -> v.field("firstResponseMinutes"))),
                "frtMinutes", Aggregation.of(a -> a.histogram(h -> h.field("firstResponseMinutes").interval(1.0)
                        .minDocCount(1))),
                "resolved", Aggregation.of(a -> a.filter(term("resolved", true))
                        .aggregations("fcr", sub -> sub.filter(term("fcr", true)))
                        .aggregations("handling", sub -> sub.avg(v -> v.field("handlingHours")))),
                "breached", Aggregation.of(a -> a.filter(term("breached", true))),
                "levels", Aggregation.of(a -> a.terms(t -> t.field("level").size(Severity.values().length))
                        .aggregations("breached", sub -> sub.filter(term("breached", true)))),
                "categories", Aggregation.of(a -> a.terms(t -> t.field("category")
                        .size(ComplaintCategory.values().length)))), g);
        Map<Long, DateHistogramBucket> surveys = histogram(q, surveyFilters(q), Map.of(
                "csat", Aggregation.of(a -> a.avg(v -> v.field("csat"))),
                "csatCount", Aggregation.of(a -> a.valueCount(v -> v.field("csat"))),
                "npsCount", Aggregation.of(a -> a.valueCount(v -> v.field("nps"))),
                "promoters", Aggregation.of(a -> a.filter(range("nps", MetricsDefinition.NPS_PROMOTER_FROM, null))),
                "detractors", Aggregation.of(a -> a.filter(range("nps", null, MetricsDefinition.NPS_DETRACTOR_UP_TO)))),
                g);
        boolean cases = !q.complaintSlice();
        Map<Long, DateHistogramBucket> refunds = !cases ? Map.of() : histogram(q, kindFilters(q, MetricFact.Kind.REFUND),
                Map.of("paid", Aggregation.of(a -> a.sum(v -> v.field("paidCents"))),
                        "decided", Aggregation.of(a -> a.filter(term("decided", true))
                                .aggregations("automatic", sub -> sub.filter(term("automatic", true)))),
                        "payment", Aggregation.of(a -> a.avg(v -> v.field("hoursToPayment"))),
                        "currency", Aggregation.of(a -> a.terms(t -> t.field("currency").size(1)))), g);
        Map<Long, DateHistogramBucket> repairs = !cases ? Map.of() : histogram(q, kindFilters(q, MetricFact.Kind.REPAIR),
                Map.of("free", Aggregation.of(a -> a.filter(term("free", true)))), g);
        Map<LocalDate, long[]> repeat = repeatPurchases(q);

        List<MetricsBucket> buckets = new ArrayList<>();
        for (LocalDate period : Periods.between(q.from(), q.to(), g, zone)) {
            long key = period.atStartOfDay(zone).toInstant().toEpochMilli();
            Aggregates c = Aggregates.of(complaints.get(key));
            Aggregates s = Aggregates.of(surveys.get(key));
            Aggregates r = Aggregates.of(refunds.get(key));
            Aggregates p = Aggregates.of(repairs.get(key));
            long filed = c.count();
            long resolved = c.filterCount("resolved");
            long breached = c.filterCount("breached");
            long npsCount = s.valueCount("npsCount");
            long decided = r.filterCount("decided");
            long[] repeatCounts = repeat.getOrDefault(period, new long[2]);
            List<CategoryShare> categories = categories(c, filed);
            MinuteHistogram frt = c.histogram("frtMinutes");
            buckets.add(new MetricsBucket(period, period.atStartOfDay(zone).toInstant(), MetricsDefinition.VERSION,
                    filed,
                    c.avg("frtAvg"),
                    Percentiles.nearestRank(frt.counts, 90),
                    frt.total,
                    ratio(c.subFilterCount("resolved", "fcr"), resolved),
                    resolved,
                    c.subAvg("resolved", "handling"),
                    ratio(breached, filed),
                    breached,
                    levels(c),
                    s.avg("csat"),
                    s.valueCount("csatCount"),
                    npsCount == 0 ? null
                            : round(100.0 * (s.filterCount("promoters") - s.filterCount("detractors")) / npsCount),
                    npsCount,
                    cases ? r.count() : null,
                    cases ? BigDecimal.valueOf(Math.round(r.sum("paid")), 2) : null,
                    cases ? r.firstTerm("currency") : null,
                    cases ? ratio(r.subFilterCount("decided", "automatic"), decided) : null,
                    cases ? r.avg("payment") : null,
                    cases ? p.count() : null,
                    cases ? ratio(p.filterCount("free"), p.count()) : null,
                    categories.stream().limit(MetricsDefinition.TOP_CATEGORIES).toList(),
                    categories.stream().filter(CategoryShare::flagged).toList(),
                    ratio(repeatCounts[1], repeatCounts[0]),
                    repeatCounts[1]));
        }
        return buckets;
    }

    private List<StaffMetrics> staffPerformance(GetStaffPerformance q) throws IOException {
        Map<String, Aggregates> owned = byStaff("staffId", and(kind(MetricFact.Kind.COMPLAINT), at(q.from(), q.to()),
                        stores(q.storeIds()), exists("staffId")), Map.of(
                "frtAvg", Aggregation.of(a -> a.avg(v -> v.field("firstResponseMinutes"))),
                "resolved", Aggregation.of(a -> a.filter(term("resolved", true))
                        .aggregations("fcr", sub -> sub.filter(term("fcr", true))))));
        Map<String, Aggregates> assigned = byStaff("staffId", and(kind(MetricFact.Kind.CARE_TASK), term("followUp", true),
                        at(q.from(), q.to()), stores(q.storeIds()), exists("staffId"),
                        not(term("status", CareTaskFacts.SKIPPED))),
                Map.of("completed", Aggregation.of(a -> a.filter(term("status", CareTaskFacts.COMPLETED)))));
        Map<String, Aggregates> done = byStaff("completedBy", and(kind(MetricFact.Kind.CARE_TASK), term("followUp", true),
                range("completedAt", q.from(), q.to()), stores(q.storeIds())), Map.of());
        Map<String, Aggregates> surveyed = byStaff("staffId", and(kind(MetricFact.Kind.SURVEY), at(q.from(), q.to()),
                        stores(q.storeIds()), exists("staffId")), Map.of(
                "csat", Aggregation.of(a -> a.avg(v -> v.field("csat"))),
                "csatCount", Aggregation.of(a -> a.valueCount(v -> v.field("csat")))));
        Set<String> staff = new TreeSet<>();
        staff.addAll(owned.keySet());
        staff.addAll(assigned.keySet());
        staff.addAll(done.keySet());
        staff.addAll(surveyed.keySet());
        List<StaffMetrics> lines = new ArrayList<>();
        for (String id : staff) {
            Aggregates o = owned.getOrDefault(id, Aggregates.EMPTY);
            Aggregates a = assigned.getOrDefault(id, Aggregates.EMPTY);
            Aggregates s = surveyed.getOrDefault(id, Aggregates.EMPTY);
            long resolved = o.filterCount("resolved");
            long completed = a.filterCount("completed");
            lines.add(new StaffMetrics(StaffId.of(id), o.count(), o.avg("frtAvg"),
                    ratio(o.subFilterCount("resolved", "fcr"), resolved), a.count(), completed,
                    ratio(completed, a.count()), done.getOrDefault(id, Aggregates.EMPTY).count(), s.avg("csat"),
                    s.valueCount("csatCount")));
        }
        return lines;
    }

    /**
     * For each period, the complaints filed in it and resolved, and of those the ones whose customer bought
     * again within {@link MetricsDefinition#REPEAT_PURCHASE_WINDOW} after the resolution: {resolved, repeat}.
     */
    private Map<LocalDate, long[]> repeatPurchases(GetServiceMetrics q) throws IOException {
        List<MetricFact> resolved = all(and(complaintFilters(q), term("resolved", true)), "id", "at", "customerId",
                "resolvedAt");
        Map<LocalDate, long[]> counts = new HashMap<>();
        if (resolved.isEmpty()) {
            return counts;
        }
        Instant earliest = resolved.stream().map(MetricFact::resolvedAt).min(Comparator.naturalOrder()).orElseThrow();
        Instant latest = resolved.stream().map(MetricFact::resolvedAt).max(Comparator.naturalOrder()).orElseThrow();
        List<String> customers = resolved.stream().map(MetricFact::customerId).distinct().sorted().toList();
        Map<String, NavigableSet<Instant>> purchases = new HashMap<>();
        for (int i = 0; i < customers.size(); i += TERMS_CHUNK) {
            List<FieldValue> chunk = customers.subList(i, Math.min(customers.size(), i + TERMS_CHUNK)).stream()
                    .map(FieldValue::of).toList();
            Query ofCustomers = and(kind(MetricFact.Kind.PURCHASE),
                    Query.of(t -> t.terms(terms -> terms.field("customerId").terms(v -> v.value(chunk)))),
                    Query.of(r -> r.range(range -> range.untyped(u -> u.field("at")
                            .gt(JsonData.of(earliest.toString()))
                            .lte(JsonData.of(latest.plus(MetricsDefinition.REPEAT_PURCHASE_WINDOW).toString()))))));
            for (MetricFact purchase : all(ofCustomers, "id", "customerId", "at")) {
                purchases.computeIfAbsent(purchase.customerId(), c -> new TreeSet<>()).add(purchase.at());
            }
        }
        for (MetricFact complaint : resolved) {
            long[] period = counts.computeIfAbsent(Periods.periodOf(complaint.at(), q.granularity(), zone),
                    p -> new long[2]);
            period[0]++;
            Instant next = purchases.getOrDefault(complaint.customerId(), new TreeSet<>()).higher(complaint.resolvedAt());
            if (next != null && !next.isAfter(complaint.resolvedAt().plus(MetricsDefinition.REPEAT_PURCHASE_WINDOW))) {
                period[1]++;
            }
        }
        return counts;
    }

    private Map<Long, DateHistogramBucket> histogram(GetServiceMetrics q, Query filter, Map<String, Aggregation> subs,
                                                     Granularity g) throws IOException {
        SearchResponse<Void> response = client.search(s -> s.index(index).size(0).query(filter)
                .aggregations("period", a -> a.dateHistogram(h -> h.field("at")
                                .calendarInterval(Periods.interval(g))
                                .timeZone(zone.getId())
                                .minDocCount(0))
                        .aggregations(subs)), Void.class);
        Map<Long, DateHistogramBucket> byStart = new HashMap<>();
        for (DateHistogramBucket bucket : response.aggregations().get("period").dateHistogram().buckets().array()) {
            byStart.put(bucket.key(), bucket);
        }
        return byStart;
    }

    private Map<String, Aggregates> byStaff(String field, Query filter, Map<String, Aggregation> subs)
            throws IOException {
        SearchResponse<Void> response = client.search(s -> s.index(index).size(0).query(filter)
                .aggregations("staff", a -> a.terms(t -> t.field(field).size(MAX_STAFF)).aggregations(subs)),
                Void.class);
        Map<String, Aggregates> byStaff = new LinkedHashMap<>();
        for (StringTermsBucket bucket : response.aggregations().get("staff").sterms().buckets().array()) {
            byStaff.put(bucket.key().stringValue(), new Aggregates(bucket.docCount(), bucket.aggregations()));
        }
        return byStaff;
    }

    /** Every matching fact (only {@code fields}), paged by id so that no result window limits it. */
    private List<MetricFact> all(Query filter, String... fields) throws IOException {
        List<MetricFact> facts = new ArrayList<>();
        // The version too: a fact's one primitive field cannot read back as missing.
        List<String> included = new ArrayList<>(List.of(fields));
        included.add("version");
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> from = after;
            SearchResponse<MetricFact> page = client.search(s -> {
                s.index(index).size(HISTOGRAM_PAGE).query(filter)
                        .source(src -> src.filter(f -> f.includes(included)))
                        .sort(sort -> sort.field(f -> f.field("id").order(SortOrder.Asc)));
                if (from != null) {
                    s.searchAfter(from);
                }
                return s;
            }, MetricFact.class);
            List<Hit<MetricFact>> hits = page.hits().hits();
            hits.forEach(hit -> facts.add(hit.source()));
            if (hits.size() < HISTOGRAM_PAGE) {
                return facts;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }

    private static List<CategoryShare> categories(Aggregates complaints, long filed) {
        List<CategoryShare> shares = new ArrayList<>();
        for (var entry : complaints.terms("categories").entrySet()) {
            double share = (double) entry.getValue().count() / filed;
            shares.add(new CategoryShare(ComplaintCategory.valueOf(entry.getKey()), entry.getValue().count(), share,
                    share > MetricsDefinition.CATEGORY_FLAG_SHARE));
        }
        // Largest first; equal counts in the enum's order, so a tie always lists the same way.
        shares.sort(Comparator.comparingLong(CategoryShare::count).reversed()
                .thenComparing(CategoryShare::category));
        return shares;
    }

    private static List<LevelBreachRate> levels(Aggregates complaints) {
        Map<String, Aggregates> byLevel = complaints.terms("levels");
        List<LevelBreachRate> levels = new ArrayList<>();
        for (Severity level : Severity.values()) {
            Aggregates of = byLevel.getOrDefault(level.name(), Aggregates.EMPTY);
            long breached = of.filterCount("breached");
            levels.add(new LevelBreachRate(level, of.count(), breached, ratio(breached, of.count())));
        }
        return levels;
    }

    static Double ratio(long numerator, long denominator) {
        return denominator == 0 ? null : round((double) numerator / denominator);
    }

    /**
     * Six decimals: Elasticsearch adds a bucket's values in whatever order its segments hold them, so the last
     * bits of an average differ between two indices of the same facts (a rebuild); figures must not.
     */
    static Double round(Double value) {
        return value == null ? null : Math.round(value * 1e6) / 1e6;
    }

    // --- filters ---

    private Query complaintFilters(GetServiceMetrics q) {
        return and(kindFilters(q, MetricFact.Kind.COMPLAINT), complaintSlice(q));
    }

    /** Surveys about complaints carry the complaint's channel, category and owner; others only a store. */
    private Query surveyFilters(GetServiceMetrics q) {
        return and(kindFilters(q, MetricFact.Kind.SURVEY), complaintSlice(q));
    }

    private Query kindFilters(GetServiceMetrics q, MetricFact.Kind kind) {
        return and(kind(kind), at(q.from(), q.to()), stores(q.storeIds()));
    }

    private static Query complaintSlice(GetServiceMetrics q) {
        return and(q.channel() == null ? null : term("channel", q.channel().name()),
                q.category() == null ? null : term("category", q.category().name()),
                q.staffId() == null ? null : term("staffId", q.staffId().value()));
    }

    private static Query kind(MetricFact.Kind kind) {
        return term("kind", kind.name());
    }

    private static Query at(Instant from, Instant to) {
        return range("at", from, to);
    }

    /** {@code [from, to)}. */
    private static Query range(String field, Instant from, Instant to) {
        return Query.of(q -> q.range(r -> r.untyped(u -> u.field(field).gte(JsonData.of(from.toString()))
                .lt(JsonData.of(to.toString())))));
    }

    private static Query range(String field, Integer from, Integer upTo) {
        return Query.of(q -> q.range(r -> r.untyped(u -> {
            u.field(field);
            if (from != null) {
                u.gte(JsonData.of(from));
            }
            if (upTo != null) {
                u.lte(JsonData.of(upTo));
            }
            return u;
        })));
    }

    /** No store filter for null; an empty set (a region without stores) matches nothing. */
    private static Query stores(Set<StoreId> storeIds) {
        if (storeIds == null) {
            return null;
        }
        List<FieldValue> values = storeIds.stream().map(StoreId::value).sorted().map(FieldValue::of).toList();
        return Query.of(q -> q.terms(t -> t.field("storeId").terms(v -> v.value(values))));
    }

    private static Query term(String field, boolean value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    private static Query exists(String field) {
        return Query.of(q -> q.exists(e -> e.field(field)));
    }

    private static Query not(Query query) {
        return Query.of(q -> q.bool(b -> b.mustNot(query)));
    }

    private static Query and(Query... queries) {
        List<Query> present = new ArrayList<>();
        for (Query query : queries) {
            if (query != null) {
                present.add(query);
            }
        }
        return Query.of(q -> q.bool(b -> b.filter(present)));
    }

    /** A minute histogram: whole minutes (rounded down) to counts, and the number of values. */
    record MinuteHistogram(java.util.SortedMap<Long, Long> counts, long total) {
    }

    /** Reads the sub-aggregations of one bucket; a missing bucket reads as empty. */
    record Aggregates(long count, Map<String, Aggregate> aggregations) {
        static final Aggregates EMPTY = new Aggregates(0, Map.of());

        static Aggregates of(DateHistogramBucket bucket) {
            return bucket == null ? EMPTY : new Aggregates(bucket.docCount(), bucket.aggregations());
        }

        Double avg(String name) {
            Aggregate aggregate = aggregations.get(name);
            return aggregate == null ? null : round(aggregate.avg().value());
        }

        double sum(String name) {
            Aggregate aggregate = aggregations.get(name);
            return aggregate == null || aggregate.sum().value() == null ? 0 : aggregate.sum().value();
        }

        long valueCount(String name) {
            Aggregate aggregate = aggregations.get(name);
            return aggregate == null || aggregate.valueCount().value() == null ? 0
                    : Math.round(aggregate.valueCount().value());
        }

        long filterCount(String name) {
            Aggregate aggregate = aggregations.get(name);
            return aggregate == null ? 0 : aggregate.filter().docCount();
        }

        long subFilterCount(String filter, String name) {
            Aggregate aggregate = aggregations.get(filter);
            return aggregate == null ? 0 : new Aggregates(0, aggregate.filter().aggregations()).filterCount(name);
        }

        Double subAvg(String filter, String name) {
            Aggregate aggregate = aggregations.get(filter);
            return aggregate == null ? null : new Aggregates(0, aggregate.filter().aggregations()).avg(name);
        }

        String firstTerm(String name) {
            return terms(name).keySet().stream().findFirst().orElse(null);
        }

        Map<String, Aggregates> terms(String name) {
            Aggregate aggregate = aggregations.get(name);
            Map<String, Aggregates> terms = new LinkedHashMap<>();
            if (aggregate != null) {
                for (StringTermsBucket bucket : aggregate.sterms().buckets().array()) {
                    terms.put(bucket.key().stringValue(), new Aggregates(bucket.docCount(), bucket.aggregations()));
                }
            }
            return terms;
        }

        MinuteHistogram histogram(String name) {
            Aggregate aggregate = aggregations.get(name);
            java.util.SortedMap<Long, Long> counts = new TreeMap<>();
            long total = 0;
            if (aggregate != null) {
                for (var bucket : aggregate.histogram().buckets().array()) {
                    counts.merge((long) Math.floor(bucket.key()), bucket.docCount(), Long::sum);
                    total += bucket.docCount();
                }
            }
            return new MinuteHistogram(counts, total);
        }
    }
}
