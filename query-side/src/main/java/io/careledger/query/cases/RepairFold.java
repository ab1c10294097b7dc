package io.careledger.query.cases;

import java.util.ArrayList;
import java.util.List;

import io.careledger.api.repair.RepairCompleted;
import io.careledger.api.repair.RepairDeclaredUnrepairable;
import io.careledger.api.repair.RepairEvent;
import io.careledger.api.repair.RepairItemReturned;
import io.careledger.api.repair.RepairItemTakenIn;
import io.careledger.api.repair.RepairPath;
import io.careledger.api.repair.RepairRegistered;
import io.careledger.api.repair.RepairStatus;
import io.careledger.api.repair.RepairStepLogged;
import io.careledger.api.repair.RepairStepView;
import io.careledger.api.repair.RepairView;

/**
 * How one repair event changes what readers see. Pure, so the live projection, a rebuild and the as-of replay
 * agree on the same view for the same events.
 */
public final class RepairFold {

    private RepairFold() {
    }

    /**
     * @param state    the view before the event; null only before the repair was registered
     * @param sequence the event's sequence number in the repair's stream, recorded as the view's version
     * @throws IllegalStateException for an event of a repair that was never registered
     */
    public static RepairView apply(RepairView state, RepairEvent event, long sequence) {
        if (event instanceof RepairRegistered registered) {
            RepairStatus status = registered.decision().path() == RepairPath.RETURN_OR_EXCHANGE
                    ? RepairStatus.REFERRED_TO_RETURN : RepairStatus.REGISTERED;
            return new RepairView(registered.repairId(), registered.customerId(), registered.orderId(),
                    registered.storeId(), registered.sku(), registered.material(), registered.salePrice(),
                    registered.purchasedAt(), registered.fault(), registered.decision(), status, null, List.of(),
                    null, null, null, null, registered.by(), registered.occurredAt(), null, null, false, sequence,
                    registered.occurredAt());
        }
        if (state == null) {
            throw new IllegalStateException("Repair " + event.caseId() + " has a "
                    + event.getClass().getSimpleName() + " (sequence " + sequence + ") but was never registered");
        }
        Draft d = new Draft(state);
        if (event instanceof RepairItemTakenIn takenIn) {
            d.status = RepairStatus.IN_REPAIR;
            d.goodsReceiptNumber = takenIn.goodsReceiptNumber();
        } else if (event instanceof RepairStepLogged logged) {
            d.steps.add(new RepairStepView(logged.step(), logged.by(), logged.occurredAt()));
        } else if (event instanceof RepairCompleted completed) {
            d.status = RepairStatus.COMPLETED;
            d.fee = completed.fee();
            d.invoiceReference = completed.invoiceReference();
            d.completedAt = completed.occurredAt();
        } else if (event instanceof RepairDeclaredUnrepairable unrepairable) {
            d.status = RepairStatus.UNREPAIRABLE;
            d.fee = unrepairable.depreciationFee();
            d.depreciationRate = unrepairable.depreciationRate();
            d.unrepairableReason = unrepairable.reason();
            d.completedAt = unrepairable.occurredAt();
        } else if (event instanceof RepairItemReturned returned) {
            d.status = RepairStatus.RETURNED;
            d.returnedAt = returned.occurredAt();
            if (returned.invoiceReference() != null) {
                d.invoiceReference = returned.invoiceReference();
            }
        } else {
            // Unreachable while every permitted RepairEvent has a branch above (RepairFoldTest checks).
            throw new IllegalArgumentException("No fold for " + event.getClass().getName());
        }
        return d.toView(sequence, event.occurredAt());
    }

    /** The mutable working copy of a view while one event is folded in. */
    private static final class Draft {
        private final RepairView view;
        private RepairStatus status;
        private String goodsReceiptNumber;
        private final List<RepairStepView> steps;
        private io.careledger.api.common.Money fee;
        private java.math.BigDecimal depreciationRate;
        private String unrepairableReason;
        private String invoiceReference;
        private java.time.Instant completedAt;
        private java.time.Instant returnedAt;

        private Draft(RepairView view) {
            this.view = view;
            status = view.status();
            goodsReceiptNumber = view.goodsReceiptNumber();
            steps = new ArrayList<>(view.steps());
            fee = view.fee();
            depreciationRate = view.depreciationRate();
            unrepairableReason = view.unrepairableReason();
            invoiceReference = view.invoiceReference();
            completedAt = view.completedAt();
            returnedAt = view.returnedAt();
        }

        private RepairView toView(long version, java.time.Instant updatedAt) {
            return new RepairView(view.id(), view.customerId(), view.orderId(), view.storeId(), view.sku(),
                    view.material(), view.salePrice(), view.purchasedAt(), view.fault(), view.decision(), status,
                    goodsReceiptNumber, List.copyOf(steps), fee, depreciationRate, unrepairableReason,
                    invoiceReference, view.registeredBy(), view.registeredAt(), completedAt, returnedAt,
                    view.slaBreached(), version, updatedAt);
        }
    }
}
