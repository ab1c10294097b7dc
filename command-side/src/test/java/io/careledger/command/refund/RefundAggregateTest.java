package io.careledger.command.refund;

import static io.careledger.api.error.ErrorCode.INVALID_INPUT;
import static io.careledger.api.error.ErrorCode.INVALID_TRANSITION;
import static io.careledger.api.error.ErrorCode.NOT_FOUND;
import static io.careledger.api.error.ErrorCode.PACKAGING_REQUIRED;
import static io.careledger.api.error.ErrorCode.RECEIPT_REQUIRED;
import static io.careledger.command.support.Rejections.rejectedWith;

import io.careledger.api.common.Money;
import io.careledger.api.common.OrderId;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.complaint.ComplaintId;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.refund.ApproveRefund;
import io.careledger.api.refund.Coupon;
import io.careledger.api.refund.MarkRefundPaid;
import io.careledger.api.refund.RefundApproved;
import io.careledger.api.refund.RefundDeadline;
import io.careledger.api.refund.RefundDeadlineMissed;
import io.careledger.api.refund.RefundDecisionInputs;
import io.careledger.api.refund.RefundId;
import io.careledger.api.refund.RefundLine;
import io.careledger.api.refund.RefundMethod;
import io.careledger.api.refund.RefundPaid;
import io.careledger.api.refund.RefundReason;
import io.careledger.api.refund.RefundRejected;
import io.careledger.api.refund.RefundRequested;
import io.careledger.api.refund.RefundRule;
import io.careledger.api.refund.RejectRefund;
import io.careledger.api.refund.RequestRefund;
import io.careledger.command.customer.KnownCustomers;
import io.careledger.command.refund.policy.RefundApprovalPolicy;
import io.careledger.command.support.FixtureClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RefundAggregateTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final RefundId ID = RefundId.of("refund-1");
    private static final CustomerId CUSTOMER = CustomerId.of("customer-1");
    private static final CustomerId STRANGER = CustomerId.of("customer-unknown");
    private static final OrderId ORDER = OrderId.of("order-42");
    private static final OrderId OTHER_ORDER = OrderId.of("order-43");
    private static final StoreId STORE = StoreId.of("store-7");
    private static final StaffId CLERK = StaffId.of("clerk-1");
    private static final StaffId SUPERVISOR = StaffId.of("supervisor-1");
    private static final ComplaintId COMPLAINT = ComplaintId.of("complaint-1");
    private static final String VERSION = "refund-2026.1";
    private static final List<RefundLine> COAT = List.of(new RefundLine("sku-coat", "TEXTILES", 1, cny("499.00")));
    private static final List<RefundLine> SCARF = List.of(new RefundLine("sku-scarf", "TEXTILES", 2, cny("60.00")));
    private static final List<RefundLine> CAKE = List.of(new RefundLine("sku-cake", "BAKERY", 1, cny("25.00")));

    private AggregateTestFixture<RefundAggregate> fixture;

    @BeforeEach
    void newFixture() {
        fixture = new AggregateTestFixture<>(RefundAggregate.class);
        KnownCustomers customers = CUSTOMER::equals;
        CustomerPurchases purchases = (customer, order) -> customer.equals(CUSTOMER) && order.equals(ORDER)
                ? Optional.of(new CustomerPurchases.RecordedPurchase(STORE, List.of())) : Optional.empty();
        fixture.registerInjectableResources(RefundApprovalPolicy.defaults(), customers, purchases,
                new FixtureClock(fixture::currentTime));
    }

    private static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    private static RequestRefund request(List<RefundLine> lines, RefundReason reason, String photo, int recent) {
        return new RequestRefund(ID, CUSTOMER, ORDER, STORE, lines, reason, RefundMethod.STORE_DESK, false, true,
                photo, COMPLAINT, recent, CLERK);
    }

    private static RefundDecisionInputs inputs(String amount, RefundReason reason, List<RefundLine> lines,
                                               boolean photo, int recent) {
        return new RefundDecisionInputs(cny(amount), reason, lines.stream().map(RefundLine::category).toList(), photo,
                recent, 30);
    }

    private static RefundRequested requested(List<RefundLine> lines, String amount, RefundReason reason,
                                             String photo, int recent) {
        return new RefundRequested(ID, CUSTOMER, ORDER, STORE, lines, cny(amount), reason, RefundMethod.STORE_DESK,
                false, true, true, photo, COMPLAINT, inputs(amount, reason, lines, photo != null, recent),
                T0.plus(Duration.ofHours(2)), CLERK, T0);
    }

    private static RefundRequested awaitingReview() {
        return requested(COAT, "499.00", RefundReason.QUALITY, null, 0);
    }

    private static RefundApproved supervisorApproved(Instant at) {
        return new RefundApproved(ID, CUSTOMER, cny("499.00"), null, false, RefundRule.SUPERVISOR, VERSION,
                inputs("499.00", RefundReason.QUALITY, COAT, false, 0), "ok", at.plus(Duration.ofHours(24)),
                SUPERVISOR, at);
    }

    @Nested
    class Requesting {

        @Test
        void aRoutineReasonWithinTheLimitIsApprovedAutomaticallyAndMustBePaidWithinADay() {
            Instant due = T0.plus(Duration.ofHours(24));
            fixture.givenNoPriorActivity().andGivenCurrentTime(T0)
                    .when(request(SCARF, RefundReason.QUALITY, null, 1))
                    .expectEvents(requested(SCARF, "120.00", RefundReason.QUALITY, null, 1),
                            new RefundApproved(ID, CUSTOMER, cny("120.00"), null, true, RefundRule.ROUTINE_AUTOMATIC,
                                    VERSION, inputs("120.00", RefundReason.QUALITY, SCARF, false, 1), null, due,
                                    StaffId.SYSTEM, T0))
                    .expectScheduledDeadline(due, new RefundPaymentDeadline(due));
        }

        @Test
        void aboveTheLimitItWaitsForASupervisorWithinTwoHours() {
            Instant due = T0.plus(Duration.ofHours(2));
            fixture.givenNoPriorActivity().andGivenCurrentTime(T0)
                    .when(request(COAT, RefundReason.QUALITY, null, 0))
                    .expectEvents(awaitingReview())
                    .expectScheduledDeadline(due, new RefundReviewDeadline(due));
        }

        @Test
        void spoiledFreshFoodWithAPhotoIsApprovedAndPaidAtOnceWithACoupon() {
            fixture.givenNoPriorActivity().andGivenCurrentTime(T0)
                    .when(request(CAKE, RefundReason.SPOILED, "photo://cake.jpg", 0))
                    .expectEvents(requested(CAKE, "25.00", RefundReason.SPOILED, "photo://cake.jpg", 0),
                            new RefundApproved(ID, CUSTOMER, cny("25.00"), new Coupon(cny("10.00"), "BAKERY"), true,
                                    RefundRule.FRESH_SPOILAGE_INSTANT, VERSION,
                                    inputs("25.00", RefundReason.SPOILED, CAKE, true, 0), null,
                                    T0.plus(Duration.ofHours(24)), StaffId.SYSTEM, T0),
                            new RefundPaid(ID, CUSTOMER, cny("25.00"), "instant-refund-1", List.of(), true,
                                    StaffId.SYSTEM, T0))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void withinFrontlineAuthorityTheStaffMemberApproves() {
            List<RefundLine> socks = List.of(new RefundLine("sku-socks", "TEXTILES", 1, cny("50.00")));
            fixture.givenNoPriorActivity().andGivenCurrentTime(T0)
                    .when(request(socks, RefundReason.CHANGED_MIND, null, 0))
                    .expectEvents(requested(socks, "50.00", RefundReason.CHANGED_MIND, null, 0),
                            new RefundApproved(ID, CUSTOMER, cny("50.00"), null, false,
                                    RefundRule.FRONTLINE_AUTHORITY, VERSION,
                                    inputs("50.00", RefundReason.CHANGED_MIND, socks, false, 0), null,
                                    T0.plus(Duration.ofHours(24)), CLERK, T0));
        }

        @Test
        void withoutAReceiptTheOrderMustBeARecordedPurchase() {
            fixture.givenNoPriorActivity()
                    .when(new RequestRefund(ID, CUSTOMER, OTHER_ORDER, STORE, SCARF, RefundReason.QUALITY,
                            RefundMethod.APP, false, true, null, null, 0, CLERK))
                    .expectException(rejectedWith(RECEIPT_REQUIRED, "hasReceipt"))
                    .expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(new RequestRefund(ID, CUSTOMER, null, STORE, SCARF, RefundReason.QUALITY,
                            RefundMethod.APP, false, true, null, null, 0, CLERK))
                    .expectException(rejectedWith(RECEIPT_REQUIRED, "hasReceipt"));
        }

        @Test
        void theStoreIsTheRecordedPurchasesUnlessGiven() {
            fixture.givenNoPriorActivity().andGivenCurrentTime(T0)
                    .when(new RequestRefund(ID, CUSTOMER, ORDER, null, COAT, RefundReason.QUALITY,
                            RefundMethod.STORE_DESK, false, true, null, COMPLAINT, 0, CLERK))
                    .expectEvents(awaitingReview());
            fixture.givenNoPriorActivity()
                    .when(new RequestRefund(ID, CUSTOMER, OTHER_ORDER, null, COAT, RefundReason.QUALITY,
                            RefundMethod.STORE_DESK, true, true, null, null, 0, CLERK))
                    .expectException(rejectedWith(INVALID_INPUT, "storeId"));
        }

        @Test
        void withAReceiptAnyOrderWillDo() {
            fixture.givenNoPriorActivity()
                    .when(new RequestRefund(ID, CUSTOMER, OTHER_ORDER, STORE, COAT, RefundReason.QUALITY,
                            RefundMethod.HOME_PICKUP, true, true, null, null, 0, CLERK))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void onlyFreshAndFastMovingGoodsComeBackWithoutPackaging() {
            fixture.givenNoPriorActivity()
                    .when(new RequestRefund(ID, CUSTOMER, ORDER, STORE, SCARF, RefundReason.QUALITY,
                            RefundMethod.STORE_DESK, false, false, null, null, 0, CLERK))
                    .expectException(rejectedWith(PACKAGING_REQUIRED, "hasOriginalPackaging"))
                    .expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(new RequestRefund(ID, CUSTOMER, ORDER, STORE, CAKE, RefundReason.QUALITY,
                            RefundMethod.STORE_DESK, false, false, null, null, 0, CLERK))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesAnUnknownCustomer() {
            fixture.givenNoPriorActivity()
                    .when(new RequestRefund(ID, STRANGER, ORDER, STORE, SCARF, RefundReason.QUALITY,
                            RefundMethod.STORE_DESK, true, true, null, null, 0, CLERK))
                    .expectException(rejectedWith(NOT_FOUND, "customerId"))
                    .expectNoEvents();
        }

        @Test
        void refusesMalformedInput() {
            List<RefundLine> dollars = List.of(new RefundLine("sku-a", "TEXTILES", 1, Money.of("1.00", "USD")));
            List<RefundLine> none = List.of(new RefundLine("sku-a", "TEXTILES", 0, cny("1.00")));
            List<RefundLine> noSku = List.of(new RefundLine(" ", "TEXTILES", 1, cny("1.00")));
            fixture.givenNoPriorActivity().when(request(dollars, RefundReason.QUALITY, null, 0))
                    .expectException(rejectedWith(INVALID_INPUT, "lines[0].unitPrice"));
            fixture.givenNoPriorActivity().when(request(none, RefundReason.QUALITY, null, 0))
                    .expectException(rejectedWith(INVALID_INPUT, "lines[0].quantity"));
            fixture.givenNoPriorActivity().when(request(noSku, RefundReason.QUALITY, null, 0))
                    .expectException(rejectedWith(INVALID_INPUT, "lines[0].sku"));
            fixture.givenNoPriorActivity().when(request(List.of(), RefundReason.QUALITY, null, 0))
                    .expectException(rejectedWith(INVALID_INPUT, "lines"));
            fixture.givenNoPriorActivity().when(request(SCARF, null, null, 0))
                    .expectException(rejectedWith(INVALID_INPUT, "reason"));
            fixture.givenNoPriorActivity().when(request(SCARF, RefundReason.QUALITY, null, -1))
                    .expectException(rejectedWith(INVALID_INPUT, "recentRefunds"));
        }
    }

    @Nested
    class Reviewing {

        @Test
        void aSupervisorApprovesTheFullAmountRecordingTheInputsSeenAtTheRequest() {
            Instant at = T0.plus(Duration.ofMinutes(30));
            Instant due = at.plus(Duration.ofHours(24));
            fixture.given(awaitingReview()).andGivenCurrentTime(at)
                    .when(new ApproveRefund(ID, "ok", SUPERVISOR))
                    .expectEvents(supervisorApproved(at))
                    .expectScheduledDeadline(due, new RefundPaymentDeadline(due))
                    .expectNoScheduledDeadlineWithName(T0.plus(Duration.ofHours(2)), RefundAggregate.REVIEW_DEADLINE);
        }

        @Test
        void aSupervisorRejects() {
            Instant at = T0.plus(Duration.ofMinutes(30));
            fixture.given(awaitingReview()).andGivenCurrentTime(at)
                    .when(new RejectRefund(ID, "worn for a season", SUPERVISOR))
                    .expectEvents(new RefundRejected(ID, CUSTOMER, "worn for a season", SUPERVISOR, at))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void onlyARequestAwaitingReviewCanBeDecided() {
            fixture.given(awaitingReview(), supervisorApproved(T0))
                    .when(new ApproveRefund(ID, null, SUPERVISOR))
                    .expectException(rejectedWith(INVALID_TRANSITION, null));
            fixture.given(awaitingReview(), supervisorApproved(T0))
                    .when(new RejectRefund(ID, null, SUPERVISOR))
                    .expectException(rejectedWith(INVALID_TRANSITION, null));
        }

        @Test
        void aMissedReviewIsRecordedAsABreach() {
            Instant due = T0.plus(Duration.ofHours(2));
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(request(COAT, RefundReason.QUALITY, null, 0))
                    .whenTimeElapses(Duration.ofHours(2))
                    .expectEvents(new RefundDeadlineMissed(ID, CUSTOMER, RefundDeadline.REVIEW, due, StaffId.SYSTEM,
                            due));
        }
    }

    @Nested
    class Paying {

        @Test
        void marksTheApprovedAmountPaid() {
            Instant at = T0.plus(Duration.ofHours(3));
            fixture.given(awaitingReview(), supervisorApproved(T0)).andGivenCurrentTime(at)
                    .when(new MarkRefundPaid(ID, "till-7-0042", null, CLERK))
                    .expectEvents(new RefundPaid(ID, CUSTOMER, cny("499.00"), "till-7-0042", List.of(), false, CLERK,
                            at));
        }

        @Test
        void anExchangeRecordsTheReplacementItems() {
            Instant at = T0.plus(Duration.ofHours(3));
            fixture.given(awaitingReview(), supervisorApproved(T0)).andGivenCurrentTime(at)
                    .when(new MarkRefundPaid(ID, "exchange-slip-9", List.of("sku-coat-l"), CLERK))
                    .expectEvents(new RefundPaid(ID, CUSTOMER, cny("499.00"), "exchange-slip-9", List.of("sku-coat-l"),
                            false, CLERK, at));
        }

        @Test
        void refusesWithoutAReferenceOrBeforeApproval() {
            fixture.given(awaitingReview(), supervisorApproved(T0))
                    .when(new MarkRefundPaid(ID, " ", null, CLERK))
                    .expectException(rejectedWith(INVALID_INPUT, "paymentReference"));
            fixture.given(awaitingReview())
                    .when(new MarkRefundPaid(ID, "till-1", null, CLERK))
                    .expectException(rejectedWith(INVALID_TRANSITION, null));
            fixture.given(awaitingReview(), supervisorApproved(T0),
                            new RefundPaid(ID, CUSTOMER, cny("499.00"), "till-1", List.of(), false, CLERK, T0))
                    .when(new MarkRefundPaid(ID, "till-2", null, CLERK))
                    .expectException(rejectedWith(INVALID_TRANSITION, null));
        }

        @Test
        void aMissedPaymentIsRecordedAsABreach() {
            Instant due = T0.plus(Duration.ofHours(24));
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(request(COAT, RefundReason.QUALITY, null, 0),
                            new ApproveRefund(ID, null, SUPERVISOR))
                    .whenTimeElapses(Duration.ofHours(24))
                    .expectEvents(new RefundDeadlineMissed(ID, CUSTOMER, RefundDeadline.PAYMENT, due, StaffId.SYSTEM,
                            due));
        }

        @Test
        void aPaidRefundMissesNoDeadline() {
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(request(SCARF, RefundReason.QUALITY, null, 0),
                            new MarkRefundPaid(ID, "till-1", null, CLERK))
                    .whenTimeElapses(Duration.ofHours(25))
                    .expectNoEvents();
        }
    }
}
