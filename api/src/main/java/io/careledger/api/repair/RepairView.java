package io.careledger.api.repair;

import io.careledger.api.cases.CaseKind;
import io.careledger.api.cases.CaseView;
import io.careledger.api.common.Money;
import io.careledger.api.common.OrderId;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.customer.CustomerId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A repair as readers see it. {@code fee} is the paid repair's fee or the exchange's depreciation fee;
 * {@code slaBreached} is always false (repairs have no deadlines yet). {@code version} is the sequence number of
 * the last event folded in.
 */
public record RepairView(
        RepairId id,
        CustomerId customerId,
        OrderId orderId,
        StoreId storeId,
        String sku,
        Material material,
        Money salePrice,
        Instant purchasedAt,
        String fault,
        WarrantyDecision decision,
        RepairStatus status,
        String goodsReceiptNumber,
        List<RepairStepView> steps,
        Money fee,
        BigDecimal depreciationRate,
        String unrepairableReason,
        String invoiceReference,
        StaffId registeredBy,
        Instant registeredAt,
        Instant completedAt,
        Instant returnedAt,
        boolean slaBreached,
        long version,
        Instant updatedAt) implements CaseView {

    @Override
    public String caseId() {
        return id.value();
    }

    @Override
    public CaseKind kind() {
        return CaseKind.REPAIR;
    }

    @Override
    public Instant openedAt() {
        return registeredAt;
    }
}
