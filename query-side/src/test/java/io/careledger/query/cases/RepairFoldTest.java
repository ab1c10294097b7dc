package io.careledger.query.cases;

import static io.careledger.query.cases.RepairStories.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.math.BigDecimal;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.careledger.api.cases.CaseKind;
import io.careledger.api.common.Money;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.repair.RepairEvent;
import io.careledger.api.repair.RepairStatus;
import io.careledger.api.repair.RepairView;
import org.junit.jupiter.api.Test;

class RepairFoldTest {
    private static final CustomerId CUSTOMER = CustomerId.of("c-1");

    @Test
    void theStoriesCoverEveryRepairEvent() {
        assertThat(Stream.concat(RepairStories.free("p-1", CUSTOMER, T0).stream(),
                        RepairStories.unrepairable("p-2", CUSTOMER, T0).stream()).map(Object::getClass)
                .collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(RepairEvent.class.getPermittedSubclasses());
    }

    @Test
    void aFreeRepairKeepsItsReceiptLogAndReturn() {
        RepairView view = RepairStories.fold(RepairStories.free("p-1", CUSTOMER, T0));

        assertThat(view.kind()).isEqualTo(CaseKind.REPAIR);
        assertThat(view.openedAt()).isEqualTo(T0);
        assertThat(view.status()).isEqualTo(RepairStatus.RETURNED);
        assertThat(view.goodsReceiptNumber()).isEqualTo("GR-p-1");
        assertThat(view.steps()).extracting(step -> step.step()).containsExactly("换拉链 zip replaced");
        assertThat(view.fee()).isNull();
        assertThat(view.decision().freeOfCharge()).isTrue();
        assertThat(view.version()).isEqualTo(4);
    }

    @Test
    void anUnrepairableItemCarriesItsDepreciationFeeAndInvoice() {
        RepairView view = RepairStories.fold(RepairStories.unrepairable("p-2", CUSTOMER, T0).subList(0, 3));
        assertThat(view.status()).isEqualTo(RepairStatus.UNREPAIRABLE);
        assertThat(view.fee()).isEqualTo(Money.of("240.00", "CNY"));
        assertThat(view.depreciationRate()).isEqualByComparingTo(new BigDecimal("0.10"));

        RepairView returned = RepairStories.fold(RepairStories.unrepairable("p-2", CUSTOMER, T0));
        assertThat(returned.status()).isEqualTo(RepairStatus.RETURNED);
        assertThat(returned.invoiceReference()).isEqualTo("INV-p-2");
    }

    @Test
    void anEventOfARepairNeverRegisteredIsRefused() {
        RepairEvent returned = RepairStories.free("p-1", CUSTOMER, T0).get(4);
        assertThatIllegalStateException().isThrownBy(() -> RepairFold.apply(null, returned, 4));
    }
}
