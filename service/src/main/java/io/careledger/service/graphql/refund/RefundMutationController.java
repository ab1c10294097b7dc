package io.careledger.service.graphql.refund;

import io.careledger.api.cases.CaseSnapshot;
import io.careledger.api.cases.GetCaseAsOf;
import io.careledger.api.common.OrderId;
import io.careledger.api.common.StoreId;
import io.careledger.api.complaint.ComplaintId;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.refund.ApproveRefund;
import io.careledger.api.refund.CountRecentRefunds;
import io.careledger.api.refund.MarkRefundPaid;
import io.careledger.api.refund.RefundCommand;
import io.careledger.api.refund.RefundId;
import io.careledger.api.refund.RefundView;
import io.careledger.api.refund.RejectRefund;
import io.careledger.api.refund.RequestRefund;
import io.careledger.command.refund.policy.RefundApprovalPolicy;
import io.careledger.service.graphql.Mutations;
import io.careledger.service.graphql.refund.RefundInputs.DecisionInput;
import io.careledger.service.graphql.refund.RefundInputs.MarkRefundPaidInput;
import io.careledger.service.graphql.refund.RefundInputs.RequestRefundInput;
import io.careledger.service.security.Access;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Refunds over GraphQL: each mutation is one command, answered with the refund as stored. A request carries the
 * customer's recent refund count for the abuse guard, read here from the case read model over the approval
 * policy's window (eventually consistent: the decision records the count it saw).
 */
@Controller
public class RefundMutationController {
    private final Mutations mutations;
    private final QueryGateway queries;
    private final RefundApprovalPolicy policy;
    private final Clock clock;

    RefundMutationController(Mutations mutations, QueryGateway queries, RefundApprovalPolicy policy, Clock clock) {
        this.mutations = mutations;
        this.queries = queries;
        this.policy = policy;
        this.clock = clock;
    }

    @MutationMapping
    @PreAuthorize(Access.STAFF)
    public RefundPayload requestRefund(@Argument RequestRefundInput input) {
        return run(() -> {
            CustomerId customer = CustomerId.of(input.customerId());
            return new RequestRefund(RefundId.generate(), customer,
                    input.orderId() == null ? null : OrderId.of(input.orderId()),
                    input.storeId() == null ? null : StoreId.of(input.storeId()),
                    input.toLines(), input.reason(), input.method(), input.hasReceipt(), input.hasOriginalPackaging(),
                    input.photoUrl(), input.complaintId() == null ? null : ComplaintId.of(input.complaintId()),
                    recentRefunds(customer), mutations.actor());
        });
    }

    @MutationMapping
    @PreAuthorize(Access.SUPERVISOR)
    public RefundPayload approveRefund(@Argument DecisionInput input) {
        return on(input.refundId(), id -> new ApproveRefund(id, input.note(), mutations.actor()));
    }

    @MutationMapping
    @PreAuthorize(Access.SUPERVISOR)
    public RefundPayload rejectRefund(@Argument DecisionInput input) {
        return on(input.refundId(), id -> new RejectRefund(id, input.note(), mutations.actor()));
    }

    @MutationMapping
    @PreAuthorize(Access.STAFF)
    public RefundPayload markRefundPaid(@Argument MarkRefundPaidInput input) {
        return on(input.refundId(), id -> new MarkRefundPaid(id, input.paymentReference(), input.replacementItems(),
                mutations.actor()));
    }

    private int recentRefunds(CustomerId customer) {
        Long count = queries.query(new CountRecentRefunds(customer, clock.instant().minus(policy.abuseWindow())),
                ResponseTypes.instanceOf(Long.class)).join();
        return (int) Math.min(Integer.MAX_VALUE, count);
    }

    private RefundPayload on(String refundId, Function<RefundId, RefundCommand> command) {
        return run(() -> command.apply(RefundId.of(refundId)));
    }

    private RefundPayload run(Supplier<RefundCommand> command) {
        return RefundPayload.of(mutations.execute(command, sent -> current(sent.refundId())));
    }

    /** Read back from the event store itself, so the caller sees its own write without waiting for projections. */
    private RefundView current(RefundId id) {
        return queries.query(new GetCaseAsOf(id.value(), null), ResponseTypes.optionalInstanceOf(CaseSnapshot.class))
                      .join()
                      .map(CaseSnapshot::caseView)
                      .filter(RefundView.class::isInstance)
                      .map(RefundView.class::cast)
                      .orElse(null);
    }
}
