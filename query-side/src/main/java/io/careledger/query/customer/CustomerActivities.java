package io.careledger.query.customer;

import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import io.careledger.api.complaint.ComplaintStatus;
import io.careledger.api.refund.RefundStatus;
import io.careledger.api.repair.RepairStatus;
import io.careledger.api.customer.CustomerActivity;
import io.careledger.api.customer.CustomerId;
import io.careledger.query.care.CareTaskIndex;
import io.careledger.query.cases.CaseIndex;
import org.springframework.stereotype.Component;

/**
 * What the other read models know about customers, computed when asked: open cases and the last case step
 * from the case index, the last care contact from the care-task index. Reading them at query time keeps the
 * customer document a fold of the customer's own events (no complaint or care event ever writes to it), and
 * for a page of customers costs one aggregation per index, not one per customer.
 */
@Component
public class CustomerActivities {
    private static final String CUSTOMER_ID = "customerId";
    private static final String BY_CUSTOMER = "byCustomer";
    private static final String OPEN = "open";
    private static final String LATEST = "latest";
    private static final String CASE_UPDATED_AT = "updatedAt";
    private static final String CARE_COMPLETED_AT = "completedAt";
    /**
     * The statuses in which a case of any kind is finished (the kinds' status names are distinct): a closed
     * complaint; a refund rejected, paid or exchanged; a repair referred to the return path or returned.
     */
    private static final List<FieldValue> FINISHED = Stream.of(ComplaintStatus.CLOSED, RefundStatus.REJECTED,
                    RefundStatus.PAID, RefundStatus.EXCHANGED, RepairStatus.REFERRED_TO_RETURN, RepairStatus.RETURNED)
            .map(status -> FieldValue.of(status.name())).toList();

    private final ElasticsearchClient client;
    private final CaseIndex cases;
    private final CareTaskIndex careTasks;

    public CustomerActivities(ElasticsearchClient client, CaseIndex cases, CareTaskIndex careTasks) {
        this.client = client;
        this.cases = cases;
        this.careTasks = careTasks;
    }

    /** The activity of each customer; a customer without cases or care contacts has 0 open cases and no last contact. */
    public Map<CustomerId, CustomerActivity> of(Collection<CustomerId> customers) throws IOException {
        Map<CustomerId, CustomerActivity> activities = new HashMap<>();
        if (customers.isEmpty()) {
            return activities;
        }
        Map<String, Bucket> caseBuckets = buckets(cases.readAlias(), customers, null, CASE_UPDATED_AT, true);
        Map<String, Bucket> careBuckets = buckets(careTasks.readAlias(), customers,
                Query.of(q -> q.exists(exists -> exists.field(CARE_COMPLETED_AT))), CARE_COMPLETED_AT, false);
        for (CustomerId customer : customers) {
            Bucket fromCases = caseBuckets.getOrDefault(customer.value(), Bucket.NONE);
            Bucket fromCare = careBuckets.getOrDefault(customer.value(), Bucket.NONE);
            activities.put(customer, new CustomerActivity(customer, (int) fromCases.open(),
                    latest(fromCases.latest(), fromCare.latest())));
        }
        return activities;
    }

    /**
     * One terms bucket per customer with the latest {@code timeField} (exact: read from the source, as a
     * millisecond aggregation would round it) and, for cases, the count of cases not finished.
     */
    private Map<String, Bucket> buckets(String index, Collection<CustomerId> customers, Query also, String timeField,
                                        boolean countOpen) throws IOException {
        List<FieldValue> ids = customers.stream().map(id -> FieldValue.of(id.value())).collect(Collectors.toList());
        Map<String, Aggregation> perCustomer = new HashMap<>();
        perCustomer.put(LATEST, Aggregation.of(a -> a.topHits(top -> top.size(1)
                .sort(sort -> sort.field(field -> field.field(timeField).order(SortOrder.Desc)))
                .source(source -> source.filter(filter -> filter.includes(timeField))))));
        if (countOpen) {
            perCustomer.put(OPEN, Aggregation.of(a -> a.filter(filter -> filter.bool(bool -> bool.mustNot(not -> not
                    .terms(terms -> terms.field("status").terms(values -> values.value(FINISHED))))))));
        }
        Aggregate byCustomer = client.search(search -> search.index(index)
                .size(0)
                .query(q -> q.bool(bool -> {
                    bool.filter(filter -> filter.terms(terms -> terms.field(CUSTOMER_ID).terms(values -> values.value(ids))));
                    if (also != null) {
                        bool.filter(also);
                    }
                    return bool;
                }))
                .aggregations(BY_CUSTOMER, a -> a.terms(terms -> terms.field(CUSTOMER_ID).size(ids.size()))
                        .aggregations(perCustomer)), Void.class).aggregations().get(BY_CUSTOMER);
        Map<String, Bucket> buckets = new HashMap<>();
        for (StringTermsBucket bucket : byCustomer.sterms().buckets().array()) {
            long open = countOpen ? bucket.aggregations().get(OPEN).filter().docCount() : 0;
            List<Hit<JsonData>> latest = bucket.aggregations().get(LATEST).topHits().hits().hits();
            Instant at = latest.isEmpty() ? null
                    : Instant.parse(latest.get(0).source().toJson().asJsonObject().getString(timeField));
            buckets.put(bucket.key().stringValue(), new Bucket(open, at));
        }
        return buckets;
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private record Bucket(long open, Instant latest) {
        private static final Bucket NONE = new Bucket(0, null);
    }
}
