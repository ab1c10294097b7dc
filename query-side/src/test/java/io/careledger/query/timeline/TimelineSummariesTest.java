package io.careledger.query.timeline;

import static io.careledger.api.timeline.TimelineEntryType.CARE_TASK;
import static io.careledger.api.timeline.TimelineEntryType.COMPLAINT;
import static io.careledger.api.timeline.TimelineEntryType.CONSENT;
import static io.careledger.api.timeline.TimelineEntryType.NOTE;
import static io.careledger.api.timeline.TimelineEntryType.POINTS;
import static io.careledger.api.timeline.TimelineEntryType.PROFILE;
import static io.careledger.api.timeline.TimelineEntryType.PURCHASE;
import static io.careledger.api.timeline.TimelineEntryType.REFERRAL;
import static io.careledger.api.timeline.TimelineEntryType.REFUND;
import static io.careledger.api.timeline.TimelineEntryType.REPAIR;
import static io.careledger.api.timeline.TimelineEntryType.REGISTRATION;
import static io.careledger.api.timeline.TimelineEntryType.SURVEY;
import static io.careledger.api.timeline.TimelineEntryType.TAG;
import static io.careledger.api.timeline.TimelineEntryType.TIER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.careledger.api.common.StaffId;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.refund.RefundEvent;
import io.careledger.api.refund.RefundId;
import io.careledger.api.refund.RefundPaid;
import io.careledger.api.repair.FreeCareRedeemed;
import io.careledger.api.repair.FreeCareService;
import io.careledger.api.repair.GarmentId;
import io.careledger.api.repair.RepairCompleted;
import io.careledger.api.repair.RepairEvent;
import io.careledger.api.repair.RepairId;
import io.careledger.query.cases.RefundStories;
import io.careledger.query.cases.RepairStories;
import io.careledger.api.care.CareTaskEvent;
import io.careledger.api.care.CareTaskKind;
import io.careledger.api.common.Money;
import io.careledger.api.common.OrderId;
import io.careledger.api.complaint.ComplaintEvent;
import io.careledger.api.customer.CustomerEvent;
import io.careledger.api.timeline.TimelineEntryType;
import io.careledger.query.care.CareStories;
import io.careledger.query.cases.CaseStories;
import io.careledger.query.customer.CustomerStories;
import io.careledger.api.customer.CustomerPersonalDataErased;
import java.time.Instant;
import io.careledger.api.customer.BirthdayApproaching;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TimelineSummariesTest {
    private static final List<CustomerEvent> customer = CustomerStories.lifecycle("c-1", CustomerStories.T0);
    private static final List<ComplaintEvent> complaint = CaseStories.lifecycle("k-1", CaseStories.T0);
    private static final List<CareTaskEvent> care = CareStories.followUp("t-1", "c-1", CareStories.T0);
    private static final List<RefundEvent> refund = RefundStories.breached("r-1", CustomerId.of("c-1"),
            RefundStories.T0);
    private static final List<RefundEvent> rejectedRefund = RefundStories.rejected("r-2", CustomerId.of("c-1"),
            RefundStories.T0);
    private static final List<RefundEvent> instantRefund = RefundStories.instant("r-3", CustomerId.of("c-1"),
            RefundStories.T0);
    private static final List<RepairEvent> freeRepair = RepairStories.free("p-1", CustomerId.of("c-1"),
            RepairStories.T0);
    private static final List<RepairEvent> unrepairable = RepairStories.unrepairable("p-2", CustomerId.of("c-1"),
            RepairStories.T0);
    private static final CareTaskEvent skipped = CareStories.skipped("t-2", "c-1", CareTaskKind.BIRTHDAY_MESSAGE,
            CareStories.T0);

    /** Every event of the three stories: its type, its line, and the amount, points, case and order it carries. */
    static Stream<Arguments> table() {
        return Stream.of(
                row(customer.get(0), REGISTRATION,
                        "Registered 李娜 Li Na via STORE_DESK, home store SH-001, consents DATA_PROCESSING, PROFILING"),
                row(customer.get(1), PROFILE, "Profile updated: email, clothing size"),
                row(customer.get(2), NOTE, "Note (STYLE): 喜欢简约风格, likes a minimalist style"),
                row(customer.get(3), TAG, "Tagged: maternal-and-baby repeat buyer"),
                row(customer.get(4), TAG, "Tagged: once complained about damaged packaging"),
                row(customer.get(5), TAG, "Tag removed: maternal-and-baby repeat buyer"),
                row(customer.get(6), CONSENT, "Consent given: MARKETING_SMS"),
                row(customer.get(7), CONSENT, "Consent withdrawn: PROFILING"),
                row(customer.get(8), PURCHASE, "Purchase order-c-1-1 at SH-001 (STORE_DESK): 2 items, 599.00 CNY, +599 points",
                        cny("599.00"), 599L, null, "order-c-1-1"),
                row(customer.get(9), PURCHASE, "Spend milestone 500 CNY reached (cumulative spend 599.00 CNY)",
                        cny("500"), null, null, "order-c-1-1"),
                row(customer.get(10), TIER,
                        "Tier upgraded MEMBER → SILVER (automatic, rolling spend 599.00 CNY, tier policy tier-1)",
                        cny("599.00"), null, null, null),
                row(customer.get(11), PURCHASE, "Purchase order-c-1-2 at SH-002 (APP): 1 item, 1200.5 CNY, +1200 points",
                        cny("1200.5"), 1200L, null, "order-c-1-2"),
                row(customer.get(12), POINTS, "Redeemed 300 points, balance 1499: 生日礼品 birthday gift",
                        null, -300L, null, null),
                row(customer.get(13), REFERRAL, "Referred by customer c-referrer"),
                row(customer.get(14), TIER, "Tier upgraded SILVER → GOLD (by hand: loyal for ten years)"),
                row(customer.get(15), TIER, "Tier downgraded GOLD → SILVER (rolling spend 1799.50 CNY, tier policy tier-1)",
                        cny("1799.50"), null, null, null),
                row(customer.get(16), TIER, "Tier SILVER retained (rolling spend 1799.50 CNY, tier policy tier-1)",
                        cny("1799.50"), null, null, null),
                row(customer.get(17), PROFILE, "Birthday in 7 days (1990-04-30)"),
                row(customer.get(18), TIER,
                        "Dormant: no purchase since 2025-12-31T17:00:00.123456789Z (membership policy membership-1)"),
                row(customer.get(19), SURVEY, "Survey response on order order-c-1-2: CSAT 4/5, NPS 9/10: 服务很好 great service",
                        null, null, null, "order-c-1-2"),
                row(new CustomerPersonalDataErased(CustomerId.of("c-1"), "request DSR-42", StaffId.of("admin"),
                        Instant.parse("2026-06-01T00:00:00Z")), PROFILE, "Personal data erased: request DSR-42"),
                row(new BirthdayApproaching(CustomerId.of("c-1"), null, 7, StaffId.SYSTEM,
                        Instant.parse("2026-06-01T00:00:00Z")), PROFILE, "Birthday in 7 days"),
                row(complaint.get(0), COMPLAINT, "Complaint filed (FRESH_SPOILAGE, LEVEL_2): 蛋糕发霉了",
                        null, null, "k-1", "order-k-1"),
                caseRow(1, "Deadline missed: FIRST_RESPONSE due 2026-03-01T12:00:00.123456789Z (LEVEL_2)", null),
                caseRow(2, "Escalated LEVEL_2 → LEVEL_3 to HEAD_OFFICE_AFTER_SALES (automatic, FIRST_RESPONSE missed): "
                        + "first response deadline missed", null),
                caseRow(3, "Complaint acknowledged by staff-7 after the deadline", null),
                caseRow(4, "Contact (APOLOGISE): 向顾客道歉 apologised on the phone", null),
                caseRow(5, "Resolution proposed: Refund the cake; compensation: REFUND 12.50 CNY (cake price)",
                        cny("12.50")),
                caseRow(6, "Resolution rejected: wants an apology from the store too", null),
                caseRow(7, "Resolution proposed: Refund and a coupon, store manager calls back; compensation: "
                        + "REFUND 12.50 CNY (cake price), COUPON 20.00 CNY (next purchase), GIFT (flowers)", cny("32.50")),
                caseRow(8, "Complaint resolved: accepted", null),
                caseRow(9, "Follow-up: satisfaction 4/5: satisfied", null),
                caseRow(10, "Complaint closed: done", null),
                caseRow(11, "Complaint reopened: mould found on a second cake", null),
                caseRow(12, "Contact (LISTEN): second cake also mouldy", null),
                row(care.get(0), CARE_TASK, "Care task scheduled: PURCHASE_FOLLOW_UP due 2026-02-08T09:00:00.500Z for "
                        + "staff-3: 一周回访 one week after the purchase"),
                row(care.get(1), CARE_TASK,
                        "Care task overdue: PURCHASE_FOLLOW_UP was due 2026-02-08T09:00:00.500Z for staff-3"),
                row(care.get(2), CARE_TASK, "Care task done: PURCHASE_FOLLOW_UP, CALLBACK_AGREED (late), call back at "
                        + "2026-02-10T09:00:00.500Z: 顾客问洗涤方法 asked how to wash it"),
                row(skipped, CARE_TASK, "Care task skipped (NO_CONSENT): BIRTHDAY_MESSAGE: birthday greeting"),
                row(refund.get(0), REFUND, "Refund requested (QUALITY, STORE_DESK) for complaint k-r-1: 1 × sku-r-1",
                        cny("499.00"), null, "r-1", "order-r-1"),
                row(refund.get(1), REFUND, "Refund deadline missed: REVIEW due 2026-03-05T10:00:00.500Z",
                        null, null, "r-1", null),
                row(refund.get(2), REFUND, "Refund approved by supervisor-1 (SUPERVISOR, refund-2026.1): "
                        + "后来批准 approved late", cny("499.00"), null, "r-1", null),
                row(refund.get(3), REFUND, "Refund deadline missed: PAYMENT due 2026-03-06T11:00:00.500Z",
                        null, null, "r-1", null),
                row(refund.get(4), REFUND, "Refund paid (till-7-0042)", cny("499.00"), null, "r-1", null),
                row(rejectedRefund.get(1), REFUND, "Refund rejected by supervisor-1: worn for a season",
                        null, null, "r-2", null),
                row(instantRefund.get(1), REFUND, "Refund approved automatically (FRESH_SPOILAGE_INSTANT, "
                        + "refund-2026.1); coupon 10.00 CNY for TEXTILES", cny("25.00"), null, "r-3", null),
                row(instantRefund.get(2), REFUND, "Refund paid at once (instant-r-3)", cny("25.00"), null, "r-3", null),
                row(new RefundPaid(RefundId.of("r-1"), CustomerId.of("c-1"), cny("499.00"), "slip-1",
                        List.of("sku-a", "sku-b"), false, StaffId.of("clerk-1"), RefundStories.T0), REFUND,
                        "Exchanged for sku-a, sku-b (slip-1)", cny("499.00"), null, "r-1", null),
                row(freeRepair.get(0), REPAIR, "Repair registered (TEXTILE COAT-p-1, FREE_REPAIR, day 40 after the "
                        + "sale): 拉链坏了 the zip broke", null, null, "p-1", "order-p-1"),
                row(freeRepair.get(1), REPAIR, "Repair item taken in, goods receipt GR-p-1", null, null, "p-1", null),
                row(freeRepair.get(2), REPAIR, "Repair step: 换拉链 zip replaced", null, null, "p-1", null),
                row(freeRepair.get(3), REPAIR, "Repair completed free of charge: as new", null, null, "p-1", null),
                row(freeRepair.get(4), REPAIR, "Repair item returned to the customer", null, null, "p-1", null),
                row(new RepairCompleted(RepairId.of("p-3"), CustomerId.of("c-1"), false, cny("80.00"), "INV-7", null,
                        StaffId.of("clerk-1"), RepairStories.T0), REPAIR, "Repair completed for 80.00 CNY (invoice INV-7)",
                        cny("80.00"), null, "p-3", null),
                row(unrepairable.get(2), REPAIR, "Repair impossible, paid exchange offered for 240.00 CNY (10% at day "
                        + "45): 面料无法修复 fabric cannot be restored", cny("240.00"), null, "p-2", null),
                row(unrepairable.get(3), REPAIR, "Repair item returned to the customer (invoice INV-p-2)",
                        null, null, "p-2", null),
                row(new FreeCareRedeemed(GarmentId.of(OrderId.of("order-p-1"), "COAT-p-1"), CustomerId.of("c-1"),
                        OrderId.of("order-p-1"), "COAT-p-1", FreeCareService.DRY_CLEAN, "warranty-2026.1",
                        StaffId.of("clerk-1"), RepairStories.T0), REPAIR,
                        "Free DRY_CLEAN redeemed for COAT-p-1 (warranty-2026.1)", null, null, null, "order-p-1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void eachEventHasItsLine(String name, Object event, TimelineEntryType type, String text, Money amount, Long points,
                             String caseId, String orderId) {
        TimelineSummaries.Summary summary = TimelineSummaries.of(event);

        assertThat(summary).isEqualTo(new TimelineSummaries.Summary(type, text, amount, points, caseId,
                orderId == null ? null : OrderId.of(orderId)));
    }

    @Test
    void theTableCoversEveryCustomerComplaintRefundAndCareTaskEvent() {
        Set<Class<?>> covered = table().map(arguments -> arguments.get()[1].getClass()).collect(Collectors.toSet());

        assertThat(covered).containsExactlyInAnyOrderElementsOf(Stream.concat(Stream.of(CustomerEvent.class,
                        ComplaintEvent.class, CareTaskEvent.class, RefundEvent.class, RepairEvent.class)
                .flatMap(sealed -> Arrays.stream(sealed.getPermittedSubclasses())), Stream.of(FreeCareRedeemed.class))
                .collect(Collectors.toList()));
    }

    @Test
    void anyOtherEventHasNoLine() {
        assertThatThrownBy(() -> TimelineSummaries.of("not an event")).isInstanceOf(IllegalArgumentException.class);
    }

    private static Arguments row(Object event, TimelineEntryType type, String text) {
        return row(event, type, text, null, null, null, null);
    }

    private static Arguments caseRow(int index, String text, Money amount) {
        return row(complaint.get(index), COMPLAINT, text, amount, null, "k-1", null);
    }

    private static Arguments row(Object event, TimelineEntryType type, String text, Money amount, Long points,
                                 String caseId, String orderId) {
        return Arguments.of(event.getClass().getSimpleName(), event, type, text, amount, points, caseId, orderId);
    }

    private static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }
}
