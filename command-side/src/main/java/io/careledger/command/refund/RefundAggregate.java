package io.careledger.command.refund;

import static io.careledger.api.refund.RefundStatus.APPROVED;
import static io.careledger.api.refund.RefundStatus.AWAITING_REVIEW;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.careledger.api.common.Money;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.error.CommandRejectedException;
import io.careledger.api.error.ErrorCode;
import io.careledger.api.refund.ApproveRefund;
import io.careledger.api.refund.MarkRefundPaid;
import io.careledger.api.refund.RefundApproved;
import io.careledger.api.refund.RefundDeadline;
import io.careledger.api.refund.RefundDeadlineMissed;
import io.careledger.api.refund.RefundDecisionInputs;
import io.careledger.api.refund.RefundId;
import io.careledger.api.refund.RefundLine;
import io.careledger.api.refund.RefundPaid;
import io.careledger.api.refund.RefundRejected;
import io.careledger.api.refund.RefundRequested;
import io.careledger.api.refund.RefundStatus;
import io.careledger.api.refund.RejectRefund;
import io.careledger.api.refund.RequestRefund;
import io.careledger.command.common.Validate;
import io.careledger.command.customer.KnownCustomers;
import io.careledger.command.refund.policy.RefundApprovalPolicy;
import io.careledger.command.refund.policy.RefundFacts;
import io.careledger.command.refund.policy.RefundVerdict;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A refund from request to payment (DOMAIN.md §5). On request it checks the "three frees" (no receipt when the
 * member's purchase identifies the order, no packaging for fresh and fast-moving goods), then lets
 * {@link RefundApprovalPolicy} decide at once or leave it to a supervisor. The review and payment commitments are
 * deadlines; a missed one is recorded as a breach.
 */
public class RefundAggregate {

    /** Stored with every pending deadline; renaming one orphans them. */
    static final String REVIEW_DEADLINE = "refund-review";
    static final String PAYMENT_DEADLINE = "refund-payment";
    private static final int MAX_LINES = 50;
    private static final int MAX_QUANTITY = 9999;
    private static final int LINE_MAX = 64;
    private static final int REFERENCE_MAX = 500;
    private static final int TEXT_MAX = 4000;

    @AggregateIdentifier
    private RefundId refundId;
    private CustomerId customerId;
    private RefundStatus status;
    private Instant reviewDueAt;
    private Instant refundDueAt;
    private Money approvedAmount;
    private RefundDecisionInputs inputs;

    /** Axon rebuilds the refund from its events through this constructor. */
    protected RefundAggregate() {
    }

    @CommandHandler
    public RefundAggregate(RequestRefund command, KnownCustomers customers, CustomerPurchases purchases,
                           RefundApprovalPolicy policy, DeadlineManager deadlines, Clock clock) {
        Money amount = validate(command, policy.currency());
        if (!customers.exists(command.customerId())) {
            throw new CommandRejectedException(ErrorCode.NOT_FOUND,
                    "No customer " + command.customerId() + " is registered", "customerId");
        }
        Optional<CustomerPurchases.RecordedPurchase> purchase = command.orderId() == null ? Optional.empty()
                : purchases.find(command.customerId(), command.orderId());
        boolean identified = purchase.isPresent();
        StoreId storeId = command.storeId() != null ? command.storeId()
                : purchase.map(CustomerPurchases.RecordedPurchase::storeId).orElseThrow(() -> Validate.invalid(
                        "storeId", "storeId is required unless the order is one of the member's recorded purchases"));
        if (!command.hasReceipt() && !identified) {
            throw new CommandRejectedException(ErrorCode.RECEIPT_REQUIRED,
                    "Without a receipt the order must be one of the member's recorded purchases", "hasReceipt");
        }
        List<String> categories = command.lines().stream().map(RefundLine::category).toList();
        if (!command.hasOriginalPackaging() && !categories.stream().allMatch(policy::packagingExempt)) {
            throw new CommandRejectedException(ErrorCode.PACKAGING_REQUIRED,
                    "Only fresh and fast-moving goods come back without their original packaging",
                    "hasOriginalPackaging");
        }
        Instant now = clock.instant();
        Instant reviewDue = now.plus(policy.reviewWithin());
        RefundVerdict verdict = policy.decide(new RefundFacts(amount, command.reason(), categories,
                command.photoReference() != null, command.recentRefunds()));
        apply(new RefundRequested(command.refundId(), command.customerId(), command.orderId(), storeId,
                List.copyOf(command.lines()), amount, command.reason(), command.method(), command.hasReceipt(),
                command.hasOriginalPackaging(), identified, command.photoReference(), command.complaintId(),
                verdict.inputs(), reviewDue, command.actor(), now));
        if (!verdict.approved()) {
            deadlines.schedule(reviewDue, REVIEW_DEADLINE, new RefundReviewDeadline(reviewDue));
            return;
        }
        // Inside the constructor the events are applied only once it returns, so the fields are not set yet.
        approve(command.refundId(), command.customerId(), verdict, null,
                verdict.automatic() ? StaffId.SYSTEM : command.actor(), deadlines, now);
        if (verdict.instant()) {
            apply(new RefundPaid(command.refundId(), command.customerId(), verdict.amount(),
                    "instant-" + command.refundId(), List.of(), true, StaffId.SYSTEM, now));
        }
    }

    /** @return the requested amount, the exact sum of the lines */
    private static Money validate(RequestRefund command, String currency) {
        Validate.required(command.customerId(), "customerId");
        Validate.required(command.reason(), "reason");
        Validate.required(command.method(), "method");
        Validate.optionalLine(command.photoReference(), "photoReference", REFERENCE_MAX);
        Validate.required(command.actor(), "actor");
        if (command.recentRefunds() < 0) {
            throw Validate.invalid("recentRefunds", "recentRefunds must not be negative");
        }
        List<RefundLine> lines = command.lines();
        if (lines == null || lines.isEmpty() || lines.size() > MAX_LINES) {
            throw Validate.invalid("lines", "a refund has 1 to " + MAX_LINES + " lines");
        }
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            String field = "lines[" + i + "]";
            RefundLine line = lines.get(i);
            Validate.required(line, field);
            Validate.line(line.sku(), field + ".sku", LINE_MAX);
            Validate.line(line.category(), field + ".category", LINE_MAX);
            if (line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
                throw Validate.invalid(field + ".quantity", "quantity must be from 1 to " + MAX_QUANTITY);
            }
            Validate.required(line.unitPrice(), field + ".unitPrice");
            if (!line.unitPrice().currency().equals(currency)) {
                throw Validate.invalid(field + ".unitPrice", "refunds are in " + currency);
            }
            total = total.add(line.lineTotal().amount());
        }
        return new Money(total, currency);
    }

    /** A supervisor approves the full requested amount; the decision records the inputs seen at the request. */
    @CommandHandler
    public void handle(ApproveRefund command, RefundApprovalPolicy policy, DeadlineManager deadlines, Clock clock) {
        requireStatus(command, AWAITING_REVIEW);
        Validate.optionalMultilineText(command.note(), "note", TEXT_MAX);
        Validate.required(command.actor(), "actor");
        deadlines.cancelAllWithinScope(REVIEW_DEADLINE);
        approve(refundId, customerId, policy.supervisorApproval(inputs), command.note(), command.actor(), deadlines,
                clock.instant());
    }

    private static void approve(RefundId refundId, CustomerId customerId, RefundVerdict verdict, String note,
                                StaffId by, DeadlineManager deadlines, Instant now) {
        Instant due = now.plus(verdict.settleWithin());
        apply(new RefundApproved(refundId, customerId, verdict.amount(), verdict.coupon(), verdict.automatic(),
                verdict.rule(), verdict.policyVersion(), verdict.inputs(), note, due, by, now));
        if (!verdict.instant()) {
            deadlines.schedule(due, PAYMENT_DEADLINE, new RefundPaymentDeadline(due));
        }
    }

    @CommandHandler
    public void handle(RejectRefund command, DeadlineManager deadlines, Clock clock) {
        requireStatus(command, AWAITING_REVIEW);
        Validate.optionalMultilineText(command.note(), "note", TEXT_MAX);
        Validate.required(command.actor(), "actor");
        deadlines.cancelAllWithinScope(REVIEW_DEADLINE);
        apply(new RefundRejected(refundId, customerId, command.note(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(MarkRefundPaid command, DeadlineManager deadlines, Clock clock) {
        requireStatus(command, APPROVED);
        Validate.line(command.paymentReference(), "paymentReference", REFERENCE_MAX);
        List<String> replacements = command.replacementItems() == null ? List.of() : command.replacementItems();
        if (replacements.size() > MAX_LINES) {
            throw Validate.invalid("replacementItems", "at most " + MAX_LINES + " replacement items");
        }
        for (int i = 0; i < replacements.size(); i++) {
            Validate.line(replacements.get(i), "replacementItems[" + i + "]", LINE_MAX);
        }
        Validate.required(command.actor(), "actor");
        deadlines.cancelAllWithinScope(PAYMENT_DEADLINE);
        apply(new RefundPaid(refundId, customerId, approvedAmount, command.paymentReference(),
                List.copyOf(replacements), false, command.actor(), clock.instant()));
    }

    /** No decision in time: recorded as a breach; the request still waits for its supervisor. */
    @DeadlineHandler(deadlineName = REVIEW_DEADLINE)
    public void onReviewDeadline(RefundReviewDeadline deadline, Clock clock) {
        if (status == AWAITING_REVIEW) {
            apply(new RefundDeadlineMissed(refundId, customerId, RefundDeadline.REVIEW, reviewDueAt, StaffId.SYSTEM,
                    clock.instant()));
        }
    }

    /** Not paid in time: recorded as a breach; it can still be paid. */
    @DeadlineHandler(deadlineName = PAYMENT_DEADLINE)
    public void onPaymentDeadline(RefundPaymentDeadline deadline, Clock clock) {
        if (status == APPROVED) {
            apply(new RefundDeadlineMissed(refundId, customerId, RefundDeadline.PAYMENT, refundDueAt, StaffId.SYSTEM,
                    clock.instant()));
        }
    }

    private void requireStatus(Object command, RefundStatus allowed) {
        if (status != allowed) {
            throw new CommandRejectedException(ErrorCode.INVALID_TRANSITION,
                    "%s is not possible: refund %s is %s and must be %s".formatted(
                            command.getClass().getSimpleName(), refundId, status, allowed));
        }
    }

    @EventSourcingHandler
    void on(RefundRequested event) {
        refundId = event.refundId();
        customerId = event.customerId();
        status = AWAITING_REVIEW;
        reviewDueAt = event.reviewDueAt();
        inputs = event.inputs();
    }

    @EventSourcingHandler
    void on(RefundApproved event) {
        status = APPROVED;
        approvedAmount = event.amount();
        refundDueAt = event.refundDueAt();
    }

    @EventSourcingHandler
    void on(RefundRejected event) {
        status = RefundStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(RefundPaid event) {
        status = event.exchange() ? RefundStatus.EXCHANGED : RefundStatus.PAID;
    }
}
