package io.careledger.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.careledger.api.care.CareOutcome;
import io.careledger.api.care.CareTaskCompleted;
import io.careledger.api.care.CareTaskId;
import io.careledger.api.care.CareTaskKind;
import io.careledger.api.care.CareTaskScheduled;
import io.careledger.api.common.Channel;
import io.careledger.api.common.Money;
import io.careledger.api.common.OrderId;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.complaint.ComplaintAcknowledged;
import io.careledger.api.complaint.ComplaintCategory;
import io.careledger.api.complaint.ComplaintClosed;
import io.careledger.api.complaint.ComplaintFiled;
import io.careledger.api.complaint.ComplaintId;
import io.careledger.api.complaint.ComplaintResolved;
import io.careledger.api.complaint.Department;
import io.careledger.api.complaint.ResolutionProposed;
import io.careledger.api.complaint.Severity;
import io.careledger.api.customer.ConsentPurpose;
import io.careledger.api.customer.ContactChannel;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.CustomerRegistered;
import io.careledger.api.customer.Gender;
import io.careledger.api.customer.PurchaseLine;
import io.careledger.api.customer.PurchaseRecorded;
import io.careledger.api.customer.Tier;
import io.careledger.api.refund.RefundApproved;
import io.careledger.api.refund.RefundDecisionInputs;
import io.careledger.api.refund.RefundId;
import io.careledger.api.refund.RefundLine;
import io.careledger.api.refund.RefundMethod;
import io.careledger.api.refund.RefundPaid;
import io.careledger.api.refund.RefundReason;
import io.careledger.api.refund.RefundRequested;
import io.careledger.api.refund.RefundRule;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

/**
 * A realistic history as the command side would have recorded it, written straight as events (the GraphQL path
 * would take hours for a million): per customer a registration, purchases each with a follow-up care task
 * (scheduled, mostly completed), and for some a complaint through acknowledgement, resolution and closing, and a
 * refund requested, approved and paid. Every aggregate's events carry consecutive sequence numbers from 0 and the
 * metadata the service records (actor, channel, correlation, causation). Seeded, so a scale always produces the
 * same shapes; about ten events per customer.
 */
final class DemoEvents {
    static final String[] STORES = {"SH-001", "SH-002", "HZ-001", "BJ-001", "TJ-001"};
    /** Words every generated complaint description contains, for text searches with many hits. */
    static final String COMMON_WORDS = "quality";
    private static final String[] DESCRIPTIONS = {
            "顾客反映生日蛋糕发霉，已致歉并约定48小时内回电 quality",
            "Milk past its date on the shelf, customer asks for a refund and an apology quality",
            "收银员态度冷淡，找零错误，顾客要求店长回电 quality",
            "Jacket seam split after one wash, customer wants it repaired quality",
            "配送延误两天，冷链商品已化冻 quality"};
    private static final ComplaintCategory[] CATEGORIES = {ComplaintCategory.FRESH_SPOILAGE,
            ComplaintCategory.PRODUCT_QUALITY, ComplaintCategory.STAFF_ATTITUDE, ComplaintCategory.PRODUCT_QUALITY,
            ComplaintCategory.DELIVERY};
    private static final Department[] DEPARTMENTS = {Department.QUALITY_CONTROL, Department.QUALITY_CONTROL,
            Department.STORE_SERVICE_DESK, Department.QUALITY_CONTROL, Department.WAREHOUSING_AND_DISTRIBUTION};

    /** One aggregate's events, oldest first, to be appended together. */
    record Aggregate(String type, List<DomainEventMessage<?>> events) {
    }

    /** What the generated history holds, so the bench knows when every projection has caught up. */
    record Counts(long customers, long cases, long careTasks, long events) {
    }

    private final Random random;
    private final Instant start;

    DemoEvents(long seed, Instant start) {
        this.random = new Random(seed);
        this.start = start;
    }

    static String customerId(int n) {
        return UUID.nameUUIDFromBytes(("bench-customer-" + n).getBytes()).toString();
    }

    /** The aggregates of customer number {@code n}: the customer's own, then their care tasks and cases. */
    List<Aggregate> customer(int n) {
        List<Aggregate> aggregates = new ArrayList<>();
        CustomerId customer = new CustomerId(customerId(n));
        StoreId store = new StoreId(STORES[n % STORES.length]);
        StaffId agent = new StaffId("agent-" + (n % 40));
        Instant at = start.plus(Duration.ofMinutes(n % 500_000L));
        Map<String, String> meta = meta(agent, "STORE_DESK");

        List<DomainEventMessage<?>> own = new ArrayList<>();
        String type = "CustomerAggregate";
        own.add(event(type, customer.value(), 0, new CustomerRegistered(customer, "会员" + n, phone(n), null,
                Gender.values()[n % 4], LocalDate.of(1970 + n % 40, 1 + n % 12, 1 + n % 28), store,
                Channel.STORE_DESK, EnumSet.of(ConsentPurpose.DATA_PROCESSING, ConsentPurpose.MARKETING_SMS), null,
                null, ContactChannel.SMS, Tier.MEMBER, agent, at), meta));
        int purchases = 2;
        BigDecimal spend = BigDecimal.ZERO;
        long points = 0;
        for (int p = 0; p < purchases; p++) {
            Instant when = at.plus(Duration.ofDays(3L + 20L * p));
            BigDecimal price = BigDecimal.valueOf(50 + random.nextInt(900)).setScale(2);
            spend = spend.add(price);
            points += price.longValue();
            OrderId order = new OrderId("ORD-" + n + "-" + p);
            own.add(event(type, customer.value(), own.size(), new PurchaseRecorded(customer, order, store,
                    Channel.STORE_DESK, List.of(new PurchaseLine("SKU-" + (n % 997), "APPAREL", 1, cny(price))),
                    cny(price), when, price.longValue(), points, cny(spend), cny(spend), "membership-2026.1", agent,
                    when), meta));
            aggregates.add(careTask(customer, store, agent, order, when, p % 2 == 0));
        }
        aggregates.add(0, new Aggregate(type, own));
        if (n % 2 == 0) {
            aggregates.add(complaint(n, customer, store, agent, at.plus(Duration.ofDays(30))));
        }
        if (n % 2 == 1) {
            aggregates.add(refund(n, customer, store, agent, at.plus(Duration.ofDays(35))));
        }
        return aggregates;
    }

    /** Counts for {@code customers} customers, as {@link #customer} makes them. */
    static Counts counts(int customers) {
        long complaints = (customers + 1) / 2;
        long refunds = customers / 2;
        long careTasks = 2L * customers;
        long careTaskEvents = careTasks + (careTasks + 1) / 2;
        long events = 3L * customers + careTaskEvents + 5 * complaints + 3 * refunds;
        return new Counts(customers, complaints + refunds, careTasks, events);
    }

    private Aggregate careTask(CustomerId customer, StoreId store, StaffId agent, OrderId order, Instant purchased,
                               boolean completed) {
        CareTaskId id = CareTaskId.forTrigger(CareTaskKind.PURCHASE_FOLLOW_UP, order.value());
        String type = "CareTaskAggregate";
        Instant due = purchased.plus(Duration.ofDays(7));
        List<DomainEventMessage<?>> events = new ArrayList<>();
        Map<String, String> meta = meta(StaffId.SYSTEM, "API");
        events.add(event(type, id.value(), 0, new CareTaskScheduled(id, customer, CareTaskKind.PURCHASE_FOLLOW_UP,
                due, agent, store, null, "purchase " + order.value(), order.value(), "consent-2026.1", StaffId.SYSTEM,
                purchased), meta));
        if (completed) {
            events.add(event(type, id.value(), 1, new CareTaskCompleted(id, customer, CareTaskKind.PURCHASE_FOLLOW_UP,
                    CareOutcome.REACHED, "满意，询问洗涤方法", null, false, agent, due.minus(Duration.ofHours(3))),
                    meta(agent, "HOTLINE")));
        }
        return new Aggregate(type, events);
    }

    private Aggregate complaint(int n, CustomerId customer, StoreId store, StaffId agent, Instant filed) {
        ComplaintId id = new ComplaintId(UUID.nameUUIDFromBytes(("bench-complaint-" + n).getBytes()).toString());
        int kind = n % DESCRIPTIONS.length;
        String type = "ComplaintAggregate";
        Map<String, String> meta = meta(agent, "HOTLINE");
        List<DomainEventMessage<?>> events = new ArrayList<>();
        events.add(event(type, id.value(), 0, new ComplaintFiled(id, customer, Channel.HOTLINE, CATEGORIES[kind],
                DESCRIPTIONS[kind] + " #" + n, store, null, null, Severity.LEVEL_1, DEPARTMENTS[kind],
                filed.plus(Duration.ofHours(24)), "severity-2026.1", "routing-2026.1", agent, filed), meta));
        events.add(event(type, id.value(), 1, new ComplaintAcknowledged(id, true, agent,
                filed.plus(Duration.ofHours(2))), meta));
        events.add(event(type, id.value(), 2, new ResolutionProposed(id, "致歉并赠送优惠券", List.of(), agent,
                filed.plus(Duration.ofHours(5))), meta));
        events.add(event(type, id.value(), 3, new ComplaintResolved(id, "接受", true, filed, agent,
                filed.plus(Duration.ofHours(6))), meta));
        events.add(event(type, id.value(), 4, new ComplaintClosed(id, "resolved", agent,
                filed.plus(Duration.ofDays(3))), meta));
        return new Aggregate(type, events);
    }

    private Aggregate refund(int n, CustomerId customer, StoreId store, StaffId agent, Instant requested) {
        RefundId id = new RefundId(UUID.nameUUIDFromBytes(("bench-refund-" + n).getBytes()).toString());
        String type = "RefundAggregate";
        Money amount = cny(BigDecimal.valueOf(10 + n % 150).setScale(2));
        RefundDecisionInputs inputs = new RefundDecisionInputs(amount, RefundReason.QUALITY, List.of("APPAREL"), false,
                0, 30);
        Map<String, String> meta = meta(agent, "STORE_DESK");
        List<DomainEventMessage<?>> events = new ArrayList<>();
        events.add(event(type, id.value(), 0, new RefundRequested(id, customer, new OrderId("ORD-" + n + "-0"), store,
                List.of(new RefundLine("SKU-" + (n % 997), "APPAREL", 1, amount)), amount, RefundReason.QUALITY,
                RefundMethod.STORE_DESK, true, true, true, null, null, inputs, requested.plus(Duration.ofHours(2)),
                agent, requested), meta));
        events.add(event(type, id.value(), 1, new RefundApproved(id, customer, amount, null, true,
                RefundRule.ROUTINE_AUTOMATIC, "refund-2026.1", inputs, null, requested.plus(Duration.ofHours(24)),
                StaffId.SYSTEM, requested), meta));
        events.add(event(type, id.value(), 2, new RefundPaid(id, customer, amount, "PAY-" + n, List.of(), false, agent,
                requested.plus(Duration.ofHours(4))), meta));
        return new Aggregate(type, events);
    }

    private static DomainEventMessage<?> event(String type, String aggregateId, long sequence, Object payload,
                                               Map<String, String> meta) {
        return new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, meta);
    }

    private static Map<String, String> meta(StaffId actor, String channel) {
        String correlation = UUID.randomUUID().toString();
        return Map.of("actor", actor.value(), "channel", channel, "correlationId", correlation,
                "causationId", correlation);
    }

    private static Money cny(BigDecimal amount) {
        return new Money(amount, "CNY");
    }

    private static String phone(int n) {
        return String.format("139%08d", n);
    }
}
