package io.careledger.service.graphql.repair;

import io.careledger.api.cases.CaseSnapshot;
import io.careledger.api.cases.GetCaseAsOf;
import io.careledger.api.common.OrderId;
import io.careledger.api.common.StoreId;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.repair.CompleteRepair;
import io.careledger.api.repair.FindFreeCareRedemptions;
import io.careledger.api.repair.FreeCareRedeemed;
import io.careledger.api.repair.GarmentId;
import io.careledger.api.repair.RedeemFreeCare;
import io.careledger.api.repair.DeclareUnrepairable;
import io.careledger.api.repair.LogRepairStep;
import io.careledger.api.repair.RegisterRepair;
import io.careledger.api.repair.RepairCommand;
import io.careledger.api.repair.RepairId;
import io.careledger.api.repair.RepairView;
import io.careledger.api.repair.ReturnRepairItem;
import io.careledger.api.repair.TakeInRepairItem;
import io.careledger.service.graphql.Mutations;
import io.careledger.service.graphql.Outcome;
import io.careledger.service.graphql.UserError;
import io.careledger.service.graphql.repair.RepairInputs.CompleteRepairInput;
import io.careledger.service.graphql.repair.RepairInputs.DeclareUnrepairableInput;
import io.careledger.service.graphql.repair.RepairInputs.LogRepairStepInput;
import io.careledger.service.graphql.repair.RepairInputs.RedeemFreeCareInput;
import io.careledger.service.graphql.repair.RepairInputs.RegisterRepairInput;
import io.careledger.service.graphql.repair.RepairInputs.ReturnRepairItemInput;
import io.careledger.service.graphql.repair.RepairInputs.TakeInRepairItemInput;
import io.careledger.service.security.Access;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Repairs over GraphQL: each mutation is one command, answered with the repair as stored. */
@Controller
public class RepairMutationController {
    private final Mutations mutations;
    private final QueryGateway queries;

    RepairMutationController(Mutations mutations, QueryGateway queries) {
        this.mutations = mutations;
        this.queries = queries;
    }

    @MutationMapping
    @PreAuthorize(Access.STAFF)
    public RepairPayload registerRepair(@Argument RegisterRepairInput input) {
        return run(() -> new RegisterRepair(RepairId.generate(), CustomerId.of(input.customerId()),
                OrderId.of(input.orderId()), input.storeId() == null ? null : StoreId.of(input.storeId()), input.sku(),
                input.material(),
                input.salePrice() == null ? null : input.salePrice().toMoney(), input.purchasedAt(), input.fault(),
                input.misuseSuspected(), mutations.actor()));
    }

    @MutationMapping
    @PreAuthorize(Access.STAFF)
    public RepairPayload takeInRepairItem(@Argument TakeInRepairItemInput input) {
        return on(input.repairId(), id -> new TakeInRepairItem(id, input.goodsReceiptNumber(), mutations.actor()));
    }

    @MutationMapping
    @PreAuthorize(Access.STAFF)
    public RepairPayload logRepairStep(@Argument LogRepairStepInput input) {
        return on(input.repairId(), id -> new LogRepairStep(id, input.step(), mutations.actor()));
    }

    @MutationMapping
    @PreAuthorize(Access.STAFF)
    public RepairPayload completeRepair(@Argument CompleteRepairInput input) {
        return on(input.repairId(), id -> new CompleteRepair(id, input.fee() == null ? null : input.fee().toMoney(),
                input.invoiceReference(), input.note(), mutations.actor()));
    }

    @MutationMapping
    @PreAuthorize(Access.STAFF)
    public RepairPayload declareUnrepairable(@Argument DeclareUnrepairableInput input) {
        return on(input.repairId(), id -> new DeclareUnrepairable(id, input.reason(), mutations.actor()));
    }

    @MutationMapping
    @PreAuthorize(Access.STAFF)
    public RepairPayload returnRepairItem(@Argument ReturnRepairItemInput input) {
        return on(input.repairId(), id -> new ReturnRepairItem(id, input.invoiceReference(), mutations.actor()));
    }

    /** Answered with the garment's redemption of that service, read back from its stream. */
    @MutationMapping
    @PreAuthorize(Access.STAFF)
    public FreeCarePayload redeemFreeCare(@Argument RedeemFreeCareInput input) {
        Outcome<FreeCareRedeemed> outcome = mutations.execute(() -> {
            OrderId order = OrderId.of(input.orderId());
            return new RedeemFreeCare(GarmentId.of(order, input.sku() == null ? "" : input.sku()),
                    CustomerId.of(input.customerId()), order, input.sku(), input.category(), input.material(),
                    input.salePrice() == null ? null : input.salePrice().toMoney(), input.purchasedAt(),
                    input.service(), mutations.actor());
        }, sent -> queries.query(new FindFreeCareRedemptions(sent.garmentId()),
                        ResponseTypes.multipleInstancesOf(FreeCareRedeemed.class)).join().stream()
                .filter(redeemed -> redeemed.service() == sent.service()).findFirst().orElse(null));
        return new FreeCarePayload(outcome.value(), outcome.errors());
    }

    /** Backs {@code RedeemFreeCarePayload}. */
    public record FreeCarePayload(FreeCareRedeemed redemption, List<UserError> errors) {
    }

    private RepairPayload on(String repairId, Function<RepairId, RepairCommand> command) {
        return run(() -> command.apply(RepairId.of(repairId)));
    }

    private RepairPayload run(Supplier<RepairCommand> command) {
        return RepairPayload.of(mutations.execute(command, sent -> current(sent.repairId())));
    }

    /** Read back from the event store itself, so the caller sees its own write without waiting for projections. */
    private RepairView current(RepairId id) {
        return queries.query(new GetCaseAsOf(id.value(), null), ResponseTypes.optionalInstanceOf(CaseSnapshot.class))
                      .join()
                      .map(CaseSnapshot::caseView)
                      .filter(RepairView.class::isInstance)
                      .map(RepairView.class::cast)
                      .orElse(null);
    }
}
