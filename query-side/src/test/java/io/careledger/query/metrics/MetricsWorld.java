package io.careledger.query.metrics;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.careledger.api.care.CareOutcome;
import io.careledger.api.care.CareTaskCompleted;
import io.careledger.api.care.CareTaskEvent;
import io.careledger.api.care.CareTaskId;
import io.careledger.api.care.CareTaskKind;
import io.careledger.api.care.CareTaskScheduled;
import io.careledger.api.care.CareSkipReason;
import io.careledger.api.care.CareTaskSkipped;
import io.careledger.api.common.Channel;
import io.careledger.api.common.Money;
import io.careledger.api.common.OrderId;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.complaint.ComplaintAcknowledged;
import io.careledger.api.complaint.ComplaintCategory;
import io.careledger.api.complaint.ComplaintDeadlineMissed;
import io.careledger.api.complaint.ComplaintEscalated;
import io.careledger.api.complaint.ComplaintEvent;
import io.careledger.api.complaint.ComplaintFiled;
import io.careledger.api.complaint.ComplaintId;
import io.careledger.api.complaint.ComplaintReopened;
import io.careledger.api.complaint.ComplaintResolved;
import io.careledger.api.complaint.DeadlineKind;
import io.careledger.api.complaint.Department;
import io.careledger.api.complaint.Severity;
import io.careledger.api.customer.CustomerEvent;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.PurchaseLine;
import io.careledger.api.customer.PurchaseRecorded;
import io.careledger.api.customer.SurveyResponseId;
import io.careledger.api.customer.SurveyResponseRecorded;
import io.careledger.api.customer.SurveySubject;
import io.careledger.api.metrics.GetServiceMetrics;
import io.careledger.api.metrics.GetStaffPerformance;
import io.careledger.api.metrics.Granularity;
import io.careledger.api.metrics.MetricsBucket;
import io.careledger.api.metrics.MetricsDefinition;
import io.careledger.api.metrics.StaffMetrics;
import io.careledger.api.refund.RefundApproved;
import io.careledger.api.refund.RefundEvent;
import io.careledger.api.refund.RefundId;
import io.careledger.api.refund.RefundMethod;
import io.careledger.api.refund.RefundPaid;
import io.careledger.api.refund.RefundReason;
import io.careledger.api.refund.RefundRejected;
import io.careledger.api.refund.RefundRequested;
import io.careledger.api.refund.RefundRule;
import io.careledger.api.repair.Material;
import io.careledger.api.repair.RepairEvent;
import io.careledger.api.repair.RepairId;
import io.careledger.api.repair.RepairPath;
import io.careledger.api.repair.RepairRegistered;
import io.careledger.api.repair.WarrantyDecision;
import io.careledger.query.elasticsearch.TestElasticsearch;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

/**
 * A small hand-made history for the metrics table tests: events are stored (for refolds and survey subjects)
 * and delivered to the projection over an index of the test's own, then queried back.
 */
final class MetricsWorld {
    static final StoreId STORE = StoreId.of("SH-001");
    static final StaffId CLERK = StaffId.of("clerk-1");
    static final String CNY = "CNY";

    final EventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    final MetricsIndex index;
    final MetricsProjection projection;
    final MetricsQueries queries;
    final List<DomainEventMessage<?>> recorded = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private final Map<String, Instant> filedAt = new HashMap<>();

    MetricsWorld(String name) throws IOException {
        index = new MetricsIndex(TestElasticsearch.client(), name);
        index.ensureExists();
        projection = new MetricsProjection(index, store);
        queries = new MetricsQueries(TestElasticsearch.client(), index.readAlias(), MetricsDefinition.ZONE);
    }

    // --- complaints ---

    MetricsWorld filed(String id, Instant at, Severity level, ComplaintCategory category) {
        return filed(id, at, level, category, STORE, Channel.STORE_DESK, "c-" + id);
    }

    MetricsWorld filed(String id, Instant at, Severity level, ComplaintCategory category, StoreId store,
                       Channel channel, String customer) {
        filedAt.put(id, at);
        return record("ComplaintAggregate", id, new ComplaintFiled(ComplaintId.of(id), CustomerId.of(customer), channel,
                category, "d", store, null, null, level, Department.STORE_OPERATIONS, at.plus(Duration.ofHours(1)), "s-1",
                "r-1", CLERK, at));
    }

    MetricsWorld acknowledged(String id, Duration after, StaffId by, boolean withinDeadline) {
        return record("ComplaintAggregate", id, new ComplaintAcknowledged(ComplaintId.of(id), withinDeadline, by,
                filedAt.get(id).plus(after)));
    }

    MetricsWorld deadlineMissed(String id, Duration after, Severity level) {
        Instant at = filedAt.get(id).plus(after);
        record("ComplaintAggregate", id, new ComplaintDeadlineMissed(ComplaintId.of(id), DeadlineKind.FIRST_RESPONSE,
                at, level, StaffId.SYSTEM, at));
        return record("ComplaintAggregate", id, new ComplaintEscalated(ComplaintId.of(id), level, level.next(),
                Department.SALES, "missed", true, DeadlineKind.FIRST_RESPONSE, at.plus(Duration.ofHours(4)), "s-1",
                StaffId.SYSTEM, at));
    }

    MetricsWorld resolved(String id, Duration after, boolean firstContact) {
        return record("ComplaintAggregate", id, new ComplaintResolved(ComplaintId.of(id), "ok", firstContact,
                filedAt.get(id), CLERK, filedAt.get(id).plus(after)));
    }

    MetricsWorld reopened(String id, Duration after) {
        return record("ComplaintAggregate", id, new ComplaintReopened(ComplaintId.of(id), "again", CLERK,
                filedAt.get(id).plus(after)));
    }

    // --- refunds and repairs ---

    MetricsWorld refundRequested(String id, Instant at, String amount) {
        filedAt.put(id, at);
        return record("RefundAggregate", id, new RefundRequested(RefundId.of(id), CustomerId.of("c-" + id),
                OrderId.of("o-" + id), STORE, List.of(), Money.of(amount, CNY), RefundReason.QUALITY,
                RefundMethod.STORE_DESK, true, true, true, null, null, null, at.plus(Duration.ofHours(2)), CLERK, at));
    }

    MetricsWorld refundApproved(String id, Duration after, boolean automatic, String amount) {
        return record("RefundAggregate", id, new RefundApproved(RefundId.of(id), CustomerId.of("c-" + id),
                Money.of(amount, CNY), null, automatic, automatic ? RefundRule.ROUTINE_AUTOMATIC : RefundRule.SUPERVISOR,
                "refund-1", null, null, filedAt.get(id).plus(Duration.ofHours(24)),
                automatic ? StaffId.SYSTEM : StaffId.of("supervisor-1"), filedAt.get(id).plus(after)));
    }

    MetricsWorld refundRejected(String id, Duration after) {
        return record("RefundAggregate", id, new RefundRejected(RefundId.of(id), CustomerId.of("c-" + id), "no",
                StaffId.of("supervisor-1"), filedAt.get(id).plus(after)));
    }

    MetricsWorld refundPaid(String id, Duration after, String amount) {
        return record("RefundAggregate", id, new RefundPaid(RefundId.of(id), CustomerId.of("c-" + id),
                Money.of(amount, CNY), "pay-" + id, List.of(), false, CLERK, filedAt.get(id).plus(after)));
    }

    MetricsWorld repair(String id, Instant at, boolean free) {
        var day = at.atZone(MetricsDefinition.ZONE).toLocalDate();
        return record("RepairAggregate", id, new RepairRegistered(RepairId.of(id), CustomerId.of("c-" + id),
                OrderId.of("o-" + id), STORE, "sku-1", Material.TEXTILE, Money.of("500", CNY), at.minus(Duration.ofDays(30)),
                "seam", new WarrantyDecision(free ? RepairPath.FREE_REPAIR : RepairPath.PAID_REPAIR, "warranty-1",
                day.minusDays(30), day, 30, free ? day.plusDays(60) : null, false), CLERK, at));
    }

    // --- customers: purchases and surveys ---

    MetricsWorld purchase(String customer, String order, Instant at) {
        return record("CustomerAggregate", customer, new PurchaseRecorded(CustomerId.of(customer), OrderId.of(order),
                STORE, Channel.STORE_DESK, List.of(new PurchaseLine("sku", "coat", 1, Money.of("10", CNY))),
                Money.of("10", CNY), at, 10, 10, Money.of("10", CNY), Money.of("10", CNY), "m-1", CLERK, at));
    }

    MetricsWorld survey(String customer, String id, SurveySubject subject, Integer csat, Integer nps, Instant at) {
        return record("CustomerAggregate", customer, new SurveyResponseRecorded(CustomerId.of(customer),
                SurveyResponseId.of(id), subject, csat, nps, null, CLERK, at));
    }

    // --- care tasks ---

    MetricsWorld task(String id, CareTaskKind kind, Instant dueAt, StaffId assignee) {
        return record("CareTaskAggregate", id, new CareTaskScheduled(CareTaskId.of(id), CustomerId.of("c-" + id), kind,
                dueAt, assignee, STORE, null, "r", null, "consent-1", StaffId.SYSTEM, dueAt.minus(Duration.ofDays(7))));
    }

    MetricsWorld taskSkipped(String id, CareTaskKind kind, Instant at, StaffId assignee) {
        return record("CareTaskAggregate", id, new CareTaskSkipped(CareTaskId.of(id), CustomerId.of("c-" + id), kind,
                CareSkipReason.values()[0], assignee, STORE, "r", null, "consent-1", StaffId.SYSTEM, at));
    }

    MetricsWorld taskCompleted(String id, CareTaskKind kind, StaffId by, Instant at) {
        return record("CareTaskAggregate", id, new CareTaskCompleted(CareTaskId.of(id), CustomerId.of("c-" + id), kind,
                CareOutcome.REACHED, null, null, false, by, at));
    }

    // --- delivery ---

    private MetricsWorld record(String type, String aggregateId, Object event) {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        DomainEventMessage<?> message = new GenericDomainEventMessage<>(type, aggregateId, sequence, event);
        store.publish(message);
        recorded.add(message);
        return this;
    }

    /** Delivers every recorded event once, in order, and makes the facts searchable. */
    MetricsWorld project() throws IOException {
        return deliver(recorded);
    }

    MetricsWorld deliver(List<DomainEventMessage<?>> messages) throws IOException {
        for (DomainEventMessage<?> message : messages) {
            deliver(projection, message);
        }
        index.refresh();
        return this;
    }

    static void deliver(MetricsProjection projection, DomainEventMessage<?> message) throws IOException {
        Object event = message.getPayload();
        long sequence = message.getSequenceNumber();
        if (event instanceof ComplaintEvent complaint) {
            projection.on(complaint, sequence);
        } else if (event instanceof RefundEvent refund) {
            projection.on(refund, sequence);
        } else if (event instanceof RepairEvent repair) {
            projection.on(repair, sequence);
        } else if (event instanceof CareTaskEvent task) {
            projection.on(task, sequence);
        } else if (event instanceof PurchaseRecorded purchase) {
            projection.on(purchase, sequence);
        } else if (event instanceof SurveyResponseRecorded survey) {
            projection.on(survey, sequence);
        } else if (!(event instanceof CustomerEvent)) {
            throw new IllegalArgumentException("No metrics handler for " + event);
        }
    }

    List<MetricsBucket> metrics(Instant from, Instant to, Granularity granularity) {
        return queries.handle(new GetServiceMetrics(from, to, granularity, null, null, null, null));
    }

    List<MetricsBucket> metrics(GetServiceMetrics query) {
        return queries.handle(query);
    }

    List<StaffMetrics> staff(Instant from, Instant to) {
        return queries.handle(new GetStaffPerformance(from, to, null));
    }

    static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}
