package io.careledger.command.repair;

import static io.careledger.api.repair.RepairStatus.COMPLETED;
import static io.careledger.api.repair.RepairStatus.IN_REPAIR;
import static io.careledger.api.repair.RepairStatus.REGISTERED;
import static io.careledger.api.repair.RepairStatus.UNREPAIRABLE;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.careledger.api.common.Money;
import io.careledger.api.common.StoreId;
import io.careledger.api.customer.PurchaseLine;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.error.CommandRejectedException;
import io.careledger.api.error.ErrorCode;
import io.careledger.api.repair.CompleteRepair;
import io.careledger.api.repair.DeclareUnrepairable;
import io.careledger.api.repair.LogRepairStep;
import io.careledger.api.repair.RegisterRepair;
import io.careledger.api.repair.RepairCompleted;
import io.careledger.api.repair.RepairDeclaredUnrepairable;
import io.careledger.api.repair.RepairId;
import io.careledger.api.repair.RepairItemReturned;
import io.careledger.api.repair.RepairItemTakenIn;
import io.careledger.api.repair.RepairPath;
import io.careledger.api.repair.RepairRegistered;
import io.careledger.api.repair.RepairStatus;
import io.careledger.api.repair.RepairStepLogged;
import io.careledger.api.repair.ReturnRepairItem;
import io.careledger.api.repair.TakeInRepairItem;
import io.careledger.api.repair.WarrantyDecision;
import io.careledger.command.common.Validate;
import io.careledger.command.customer.KnownCustomers;
import io.careledger.command.refund.CustomerPurchases;
import io.careledger.command.repair.policy.WarrantyPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A garment repair (DOMAIN.md §6): registration decided by {@link WarrantyPolicy}, intake against a goods receipt,
 * a repair log, completion (free, or with fee and invoice), or an unrepairable item exchanged for a depreciation
 * fee, and the item's return to the customer.
 */
public class RepairAggregate {

    private static final int LINE_MAX = 64;
    private static final int TEXT_MAX = 4000;

    @AggregateIdentifier
    private RepairId repairId;
    private CustomerId customerId;
    private RepairStatus status;
    private RepairPath path;
    private Instant purchasedAt;
    private Money salePrice;
    private boolean feeToInvoice;

    /** Axon rebuilds the repair from its events through this constructor. */
    protected RepairAggregate() {
    }

    @CommandHandler
    public RepairAggregate(RegisterRepair command, KnownCustomers customers, CustomerPurchases purchases,
                           WarrantyPolicy policy, Clock clock) {
        Validate.required(command.customerId(), "customerId");
        Validate.required(command.orderId(), "orderId");
        Validate.line(command.sku(), "sku", LINE_MAX);
        Validate.required(command.material(), "material");
        Validate.required(command.purchasedAt(), "purchasedAt");
        Validate.multilineText(command.fault(), "fault", TEXT_MAX);
        Validate.required(command.actor(), "actor");
        Instant now = clock.instant();
        if (command.purchasedAt().isAfter(now)) {
            throw Validate.invalid("purchasedAt", "purchasedAt must not be in the future");
        }
        if (!customers.exists(command.customerId())) {
            throw new CommandRejectedException(ErrorCode.NOT_FOUND,
                    "No customer " + command.customerId() + " is registered", "customerId");
        }
        Optional<CustomerPurchases.RecordedPurchase> purchase = command.storeId() != null
                && command.salePrice() != null ? Optional.empty()
                : purchases.find(command.customerId(), command.orderId());
        StoreId storeId = command.storeId() != null ? command.storeId()
                : purchase.map(CustomerPurchases.RecordedPurchase::storeId).orElseThrow(() -> Validate.invalid(
                        "storeId", "storeId is required unless the order is one of the member's recorded purchases"));
        Money salePrice = command.salePrice() != null ? command.salePrice()
                : purchase.flatMap(recorded -> recorded.line(command.sku())).map(PurchaseLine::unitPrice)
                        .orElseThrow(() -> Validate.invalid("salePrice",
                                "salePrice is required unless the SKU is a line of the member's recorded purchase"));
        WarrantyDecision decision = policy.decide(command.material(), command.purchasedAt(), now,
                command.misuseSuspected());
        apply(new RepairRegistered(command.repairId(), command.customerId(), command.orderId(), storeId,
                command.sku(), command.material(), salePrice, command.purchasedAt(), command.fault(),
                decision, command.actor(), now));
    }

    @CommandHandler
    public void handle(TakeInRepairItem command, Clock clock) {
        requireStatus(command, REGISTERED);
        Validate.line(command.goodsReceiptNumber(), "goodsReceiptNumber", LINE_MAX);
        Validate.required(command.actor(), "actor");
        apply(new RepairItemTakenIn(repairId, customerId, command.goodsReceiptNumber(), command.actor(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(LogRepairStep command, Clock clock) {
        requireStatus(command, IN_REPAIR);
        Validate.multilineText(command.step(), "step", TEXT_MAX);
        Validate.required(command.actor(), "actor");
        apply(new RepairStepLogged(repairId, customerId, command.step(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(CompleteRepair command, Clock clock) {
        requireStatus(command, IN_REPAIR);
        boolean free = path == RepairPath.FREE_REPAIR;
        if (free && command.fee() != null && command.fee().amount().signum() > 0) {
            throw Validate.invalid("fee", "a repair under warranty is free");
        }
        if (!free) {
            Validate.required(command.fee(), "fee");
            Validate.line(command.invoiceReference(), "invoiceReference", LINE_MAX);
        } else {
            Validate.optionalLine(command.invoiceReference(), "invoiceReference", LINE_MAX);
        }
        Validate.optionalMultilineText(command.note(), "note", TEXT_MAX);
        Validate.required(command.actor(), "actor");
        apply(new RepairCompleted(repairId, customerId, free, free ? null : command.fee(),
                free ? null : command.invoiceReference(), command.note(), command.actor(), clock.instant()));
    }

    /** The fee is the depreciation for the days from the sale to now. */
    @CommandHandler
    public void handle(DeclareUnrepairable command, WarrantyPolicy policy, Clock clock) {
        requireStatus(command, REGISTERED, IN_REPAIR);
        Validate.multilineText(command.reason(), "reason", TEXT_MAX);
        Validate.required(command.actor(), "actor");
        Instant now = clock.instant();
        long days = policy.daysSinceSale(purchasedAt, now);
        apply(new RepairDeclaredUnrepairable(repairId, customerId, command.reason(), days,
                policy.depreciationRate(days), policy.depreciationFee(salePrice, days), policy.version(),
                command.actor(), now));
    }

    @CommandHandler
    public void handle(ReturnRepairItem command, Clock clock) {
        requireStatus(command, COMPLETED, UNREPAIRABLE);
        if (feeToInvoice) {
            Validate.line(command.invoiceReference(), "invoiceReference", LINE_MAX);
        } else {
            Validate.optionalLine(command.invoiceReference(), "invoiceReference", LINE_MAX);
        }
        Validate.required(command.actor(), "actor");
        apply(new RepairItemReturned(repairId, customerId, command.invoiceReference(), command.actor(),
                clock.instant()));
    }

    private void requireStatus(Object command, RepairStatus first, RepairStatus... rest) {
        Set<RepairStatus> allowed = EnumSet.of(first, rest);
        if (!allowed.contains(status)) {
            throw new CommandRejectedException(ErrorCode.INVALID_TRANSITION,
                    "%s is not possible: repair %s is %s and must be %s".formatted(command.getClass().getSimpleName(),
                            repairId, status, String.join(" or ", allowed.stream().map(Enum::name).toList())));
        }
    }

    @EventSourcingHandler
    void on(RepairRegistered event) {
        repairId = event.repairId();
        customerId = event.customerId();
        path = event.decision().path();
        status = path == RepairPath.RETURN_OR_EXCHANGE ? RepairStatus.REFERRED_TO_RETURN : REGISTERED;
        purchasedAt = event.purchasedAt();
        salePrice = event.salePrice();
    }

    @EventSourcingHandler
    void on(RepairItemTakenIn event) {
        status = IN_REPAIR;
    }

    @EventSourcingHandler
    void on(RepairCompleted event) {
        status = COMPLETED;
    }

    @EventSourcingHandler
    void on(RepairDeclaredUnrepairable event) {
        status = UNREPAIRABLE;
        feeToInvoice = event.depreciationFee().amount().signum() > 0;
    }

    @EventSourcingHandler
    void on(RepairItemReturned event) {
        status = RepairStatus.RETURNED;
    }
}
