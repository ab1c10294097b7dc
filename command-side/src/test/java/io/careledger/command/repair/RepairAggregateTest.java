package io.careledger.command.repair;

import static io.careledger.api.error.ErrorCode.INVALID_INPUT;
import static io.careledger.api.error.ErrorCode.INVALID_TRANSITION;
import static io.careledger.api.error.ErrorCode.NOT_FOUND;
import static io.careledger.command.support.Rejections.rejectedWith;

import io.careledger.api.common.Money;
import io.careledger.api.common.OrderId;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.repair.CompleteRepair;
import io.careledger.api.repair.DeclareUnrepairable;
import io.careledger.api.repair.LogRepairStep;
import io.careledger.api.repair.Material;
import io.careledger.api.repair.RegisterRepair;
import io.careledger.api.repair.RepairCompleted;
import io.careledger.api.repair.RepairDeclaredUnrepairable;
import io.careledger.api.repair.RepairId;
import io.careledger.api.repair.RepairItemReturned;
import io.careledger.api.repair.RepairItemTakenIn;
import io.careledger.api.repair.RepairPath;
import io.careledger.api.repair.RepairRegistered;
import io.careledger.api.repair.RepairStepLogged;
import io.careledger.api.repair.ReturnRepairItem;
import io.careledger.api.repair.TakeInRepairItem;
import io.careledger.api.repair.WarrantyDecision;
import io.careledger.api.customer.PurchaseLine;
import io.careledger.command.customer.KnownCustomers;
import io.careledger.command.refund.CustomerPurchases;
import io.careledger.command.repair.policy.WarrantyPolicy;
import io.careledger.command.support.FixtureClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RepairAggregateTest {

    /** 10:00 in Shanghai. */
    private static final Instant SOLD = Instant.parse("2026-01-10T02:00:00Z");
    private static final RepairId ID = RepairId.of("repair-1");
    private static final CustomerId CUSTOMER = CustomerId.of("customer-1");
    private static final OrderId ORDER = OrderId.of("order-42");
    private static final StoreId STORE = StoreId.of("store-7");
    private static final StaffId CLERK = StaffId.of("clerk-1");
    private static final Money PRICE = Money.of("2400.00", "CNY");
    private static final String FAULT = "拉链坏了 the zip broke";
    private static final String VERSION = "warranty-2026.1";

    private AggregateTestFixture<RepairAggregate> fixture;

    @BeforeEach
    void newFixture() {
        fixture = new AggregateTestFixture<>(RepairAggregate.class);
        KnownCustomers customers = CUSTOMER::equals;
        CustomerPurchases purchases = (customer, order) -> customer.equals(CUSTOMER) && order.equals(ORDER)
                ? Optional.of(new CustomerPurchases.RecordedPurchase(STORE,
                        List.of(new PurchaseLine("COAT-1", "COATS", 1, PRICE))))
                : Optional.empty();
        fixture.registerInjectableResources(WarrantyPolicy.defaults(), customers, purchases,
                new FixtureClock(fixture::currentTime));
    }

    private static RegisterRepair register(Material material, boolean misuse) {
        return new RegisterRepair(ID, CUSTOMER, ORDER, STORE, "COAT-1", material, PRICE, SOLD, FAULT, misuse, CLERK);
    }

    private static RepairRegistered registered(Material material, int days, RepairPath path, LocalDate warrantyEnds,
                                               boolean misuse) {
        Instant at = SOLD.plus(Duration.ofDays(days));
        return new RepairRegistered(ID, CUSTOMER, ORDER, STORE, "COAT-1", material, PRICE, SOLD, FAULT,
                new WarrantyDecision(path, VERSION, LocalDate.parse("2026-01-10"),
                        LocalDate.parse("2026-01-10").plusDays(days), days, warrantyEnds, misuse), CLERK, at);
    }

    private static RepairRegistered freeRepair() {
        return registered(Material.TEXTILE, 20, RepairPath.FREE_REPAIR, LocalDate.parse("2026-04-10"), false);
    }

    private static RepairRegistered paidRepair() {
        return registered(Material.TEXTILE, 20, RepairPath.PAID_REPAIR, LocalDate.parse("2026-04-10"), true);
    }

    private static RepairItemTakenIn takenIn() {
        return new RepairItemTakenIn(ID, CUSTOMER, "GR-0001", CLERK, SOLD.plus(Duration.ofDays(20)));
    }

    @Test
    void registrationRecordsTheWarrantyDecision() {
        fixture.givenNoPriorActivity().andGivenCurrentTime(SOLD.plus(Duration.ofDays(20)))
                .when(register(Material.TEXTILE, false))
                .expectEvents(freeRepair());
        fixture.givenNoPriorActivity().andGivenCurrentTime(SOLD.plus(Duration.ofDays(20)))
                .when(register(Material.TEXTILE, true))
                .expectEvents(paidRepair());
        fixture.givenNoPriorActivity().andGivenCurrentTime(SOLD.plus(Duration.ofDays(14)))
                .when(register(Material.LEATHER, false))
                .expectEvents(registered(Material.LEATHER, 14, RepairPath.RETURN_OR_EXCHANGE,
                        LocalDate.parse("2026-07-10"), false));
    }

    @Test
    void storeAndSalePriceComeFromTheRecordedPurchaseUnlessGiven() {
        fixture.givenNoPriorActivity().andGivenCurrentTime(SOLD.plus(Duration.ofDays(20)))
                .when(new RegisterRepair(ID, CUSTOMER, ORDER, null, "COAT-1", Material.TEXTILE, null, SOLD, FAULT,
                        false, CLERK))
                .expectEvents(freeRepair());
        fixture.givenNoPriorActivity().andGivenCurrentTime(SOLD.plus(Duration.ofDays(20)))
                .when(new RegisterRepair(ID, CUSTOMER, OrderId.of("order-99"), null, "COAT-1", Material.TEXTILE, PRICE,
                        SOLD, FAULT, false, CLERK))
                .expectException(rejectedWith(INVALID_INPUT, "storeId"));
        fixture.givenNoPriorActivity().andGivenCurrentTime(SOLD.plus(Duration.ofDays(20)))
                .when(new RegisterRepair(ID, CUSTOMER, ORDER, STORE, "HAT-1", Material.TEXTILE, null, SOLD, FAULT,
                        false, CLERK))
                .expectException(rejectedWith(INVALID_INPUT, "salePrice"));
    }

    @Test
    void registrationRefusesUnknownCustomersAndBadInput() {
        fixture.givenNoPriorActivity().andGivenCurrentTime(SOLD.plus(Duration.ofDays(20)))
                .when(new RegisterRepair(ID, CustomerId.of("stranger"), ORDER, STORE, "COAT-1", Material.TEXTILE,
                        PRICE, SOLD, FAULT, false, CLERK))
                .expectException(rejectedWith(NOT_FOUND, "customerId")).expectNoEvents();
        fixture.givenNoPriorActivity().andGivenCurrentTime(SOLD.minus(Duration.ofDays(1)))
                .when(register(Material.TEXTILE, false))
                .expectException(rejectedWith(INVALID_INPUT, "purchasedAt"));
        fixture.givenNoPriorActivity()
                .when(new RegisterRepair(ID, CUSTOMER, ORDER, STORE, "COAT-1", null, PRICE, SOLD, FAULT, false, CLERK))
                .expectException(rejectedWith(INVALID_INPUT, "material"));
        fixture.givenNoPriorActivity()
                .when(new RegisterRepair(ID, CUSTOMER, ORDER, STORE, "COAT-1", Material.TEXTILE, PRICE, SOLD, " ",
                        false, CLERK))
                .expectException(rejectedWith(INVALID_INPUT, "fault"));
    }

    @Test
    void anItemIsTakenInAgainstAGoodsReceiptAndEveryStepIsLogged() {
        Instant at = SOLD.plus(Duration.ofDays(20));
        fixture.given(freeRepair()).andGivenCurrentTime(at)
                .when(new TakeInRepairItem(ID, "GR-0001", CLERK))
                .expectEvents(new RepairItemTakenIn(ID, CUSTOMER, "GR-0001", CLERK, at));
        fixture.given(freeRepair(), takenIn()).andGivenCurrentTime(at)
                .when(new LogRepairStep(ID, "换拉链 zip replaced", CLERK))
                .expectEvents(new RepairStepLogged(ID, CUSTOMER, "换拉链 zip replaced", CLERK, at));
        fixture.given(freeRepair()).when(new LogRepairStep(ID, "too early", CLERK))
                .expectException(rejectedWith(INVALID_TRANSITION, null));
        fixture.given(freeRepair()).when(new TakeInRepairItem(ID, " ", CLERK))
                .expectException(rejectedWith(INVALID_INPUT, "goodsReceiptNumber"));
        fixture.given(registered(Material.TEXTILE, 3, RepairPath.RETURN_OR_EXCHANGE, null, false))
                .when(new TakeInRepairItem(ID, "GR-0002", CLERK))
                .expectException(rejectedWith(INVALID_TRANSITION, null));
    }

    @Test
    void aFreeRepairCompletesWithoutAFee() {
        Instant at = SOLD.plus(Duration.ofDays(22));
        fixture.given(freeRepair(), takenIn()).andGivenCurrentTime(at)
                .when(new CompleteRepair(ID, null, null, "as new", CLERK))
                .expectEvents(new RepairCompleted(ID, CUSTOMER, true, null, null, "as new", CLERK, at));
        fixture.given(freeRepair(), takenIn())
                .when(new CompleteRepair(ID, Money.of("50.00", "CNY"), "INV-1", null, CLERK))
                .expectException(rejectedWith(INVALID_INPUT, "fee"));
    }

    @Test
    void aPaidRepairRecordsItsFeeAndInvoice() {
        Instant at = SOLD.plus(Duration.ofDays(22));
        Money fee = Money.of("80.00", "CNY");
        fixture.given(paidRepair(), takenIn()).andGivenCurrentTime(at)
                .when(new CompleteRepair(ID, fee, "INV-7", null, CLERK))
                .expectEvents(new RepairCompleted(ID, CUSTOMER, false, fee, "INV-7", null, CLERK, at));
        fixture.given(paidRepair(), takenIn())
                .when(new CompleteRepair(ID, null, "INV-7", null, CLERK))
                .expectException(rejectedWith(INVALID_INPUT, "fee"));
        fixture.given(paidRepair(), takenIn())
                .when(new CompleteRepair(ID, fee, null, null, CLERK))
                .expectException(rejectedWith(INVALID_INPUT, "invoiceReference"));
    }

    @Test
    void anUnrepairableItemIsExchangedForTheDepreciationFeeOfItsAge() {
        Instant day45 = SOLD.plus(Duration.ofDays(45));
        fixture.given(freeRepair(), takenIn()).andGivenCurrentTime(day45)
                .when(new DeclareUnrepairable(ID, "面料无法修复 fabric cannot be restored", CLERK))
                .expectEvents(new RepairDeclaredUnrepairable(ID, CUSTOMER, "面料无法修复 fabric cannot be restored", 45,
                        new BigDecimal("0.1"), Money.of("240.00", "CNY"), VERSION, CLERK, day45));
    }

    @Test
    void theItemGoesBackWithTheExchangeInvoice() {
        Instant at = SOLD.plus(Duration.ofDays(46));
        RepairDeclaredUnrepairable unrepairable = new RepairDeclaredUnrepairable(ID, CUSTOMER, "torn", 45,
                new BigDecimal("0.1"), Money.of("240.00", "CNY"), VERSION, CLERK, at);
        fixture.given(freeRepair(), takenIn(), unrepairable).andGivenCurrentTime(at)
                .when(new ReturnRepairItem(ID, "INV-9", CLERK))
                .expectEvents(new RepairItemReturned(ID, CUSTOMER, "INV-9", CLERK, at));
        fixture.given(freeRepair(), takenIn(), unrepairable)
                .when(new ReturnRepairItem(ID, null, CLERK))
                .expectException(rejectedWith(INVALID_INPUT, "invoiceReference"));
        fixture.given(freeRepair(), takenIn(), new RepairCompleted(ID, CUSTOMER, true, null, null, null, CLERK, at))
                .andGivenCurrentTime(at)
                .when(new ReturnRepairItem(ID, null, CLERK))
                .expectEvents(new RepairItemReturned(ID, CUSTOMER, null, CLERK, at));
        fixture.given(freeRepair(), takenIn())
                .when(new ReturnRepairItem(ID, null, CLERK))
                .expectException(rejectedWith(INVALID_TRANSITION, null));
        fixture.given(freeRepair(), takenIn(), new RepairCompleted(ID, CUSTOMER, true, null, null, null, CLERK, at),
                        new RepairItemReturned(ID, CUSTOMER, null, CLERK, at))
                .when(new DeclareUnrepairable(ID, "late", CLERK))
                .expectException(rejectedWith(INVALID_TRANSITION, null));
    }
}
