package io.careledger.service.graphql.repair;

import io.careledger.api.repair.FreeCareService;
import io.careledger.api.repair.Material;
import io.careledger.service.graphql.MoneyInput;
import java.time.Instant;

/** The GraphQL inputs of the repair mutations, bound by name from the schema's input types. */
final class RepairInputs {

    private RepairInputs() {
    }

    record RegisterRepairInput(String customerId, String orderId, String storeId, String sku, Material material,
                               MoneyInput salePrice, Instant purchasedAt, String fault, boolean misuseSuspected) {
    }

    record TakeInRepairItemInput(String repairId, String goodsReceiptNumber) {
    }

    record LogRepairStepInput(String repairId, String step) {
    }

    record CompleteRepairInput(String repairId, MoneyInput fee, String invoiceReference, String note) {
    }

    record DeclareUnrepairableInput(String repairId, String reason) {
    }

    record ReturnRepairItemInput(String repairId, String invoiceReference) {
    }

    record RedeemFreeCareInput(String customerId, String orderId, String sku, String category, Material material,
                               MoneyInput salePrice, Instant purchasedAt, FreeCareService service) {
    }
}
