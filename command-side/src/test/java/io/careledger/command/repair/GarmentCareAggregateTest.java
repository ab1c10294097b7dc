package io.careledger.command.repair;

import static io.careledger.api.error.ErrorCode.ALREADY_REDEEMED;
import static io.careledger.api.error.ErrorCode.INVALID_INPUT;
import static io.careledger.api.error.ErrorCode.NOT_ELIGIBLE;
import static io.careledger.api.error.ErrorCode.NOT_FOUND;
import static io.careledger.command.support.Rejections.rejectedWith;

import io.careledger.api.common.Money;
import io.careledger.api.common.OrderId;
import io.careledger.api.common.StaffId;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.repair.FreeCareRedeemed;
import io.careledger.api.repair.FreeCareService;
import io.careledger.api.repair.GarmentId;
import io.careledger.api.repair.Material;
import io.careledger.api.repair.RedeemFreeCare;
import io.careledger.command.customer.KnownCustomers;
import io.careledger.command.repair.policy.WarrantyPolicy;
import io.careledger.command.support.FixtureClock;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GarmentCareAggregateTest {

    private static final Instant SOLD = Instant.parse("2026-01-10T02:00:00Z");
    private static final Instant NOW = SOLD.plus(Duration.ofDays(100));
    private static final CustomerId CUSTOMER = CustomerId.of("customer-1");
    private static final OrderId ORDER = OrderId.of("order-42");
    private static final GarmentId SUIT = GarmentId.of(ORDER, "SUIT-1");
    private static final StaffId CLERK = StaffId.of("clerk-1");

    private AggregateTestFixture<GarmentCareAggregate> fixture;

    @BeforeEach
    void newFixture() {
        fixture = new AggregateTestFixture<>(GarmentCareAggregate.class);
        KnownCustomers customers = CUSTOMER::equals;
        fixture.registerInjectableResources(WarrantyPolicy.defaults(), customers,
                new FixtureClock(fixture::currentTime));
    }

    private static RedeemFreeCare redeem(FreeCareService service, String category, Material material, String price) {
        return new RedeemFreeCare(SUIT, CUSTOMER, ORDER, "SUIT-1", category, material, Money.of(price, "CNY"), SOLD,
                service, CLERK);
    }

    private static FreeCareRedeemed redeemed(FreeCareService service) {
        return new FreeCareRedeemed(SUIT, CUSTOMER, ORDER, "SUIT-1", service, "warranty-2026.1", CLERK, NOW);
    }

    @Test
    void aQualifyingSuitGetsOneFreeDryClean() {
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .when(redeem(FreeCareService.DRY_CLEAN, "SUIT", Material.TEXTILE, "2000.00"))
                .expectEvents(redeemed(FreeCareService.DRY_CLEAN));
    }

    @Test
    void aSecondRedemptionIsRefused() {
        fixture.given(redeemed(FreeCareService.DRY_CLEAN)).andGivenCurrentTime(NOW)
                .when(redeem(FreeCareService.DRY_CLEAN, "SUIT", Material.TEXTILE, "2000.00"))
                .expectException(rejectedWith(ALREADY_REDEEMED, "service")).expectNoEvents();
        fixture.given(redeemed(FreeCareService.LEATHER_CARE)).andGivenCurrentTime(NOW)
                .when(redeem(FreeCareService.LEATHER_CARE, "SUIT", Material.LEATHER, "2000.00"))
                .expectException(rejectedWith(ALREADY_REDEEMED, "service"));
    }

    @Test
    void leatherGetsOneCareBesideItsDryClean() {
        fixture.given(redeemed(FreeCareService.DRY_CLEAN)).andGivenCurrentTime(NOW)
                .when(redeem(FreeCareService.LEATHER_CARE, "SUIT", Material.LEATHER, "2000.00"))
                .expectEvents(redeemed(FreeCareService.LEATHER_CARE));
    }

    @Test
    void aGarmentThatDoesNotQualifyIsRefused() {
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .when(redeem(FreeCareService.DRY_CLEAN, "SUIT", Material.TEXTILE, "1999.99"))
                .expectException(rejectedWith(NOT_ELIGIBLE, "service")).expectNoEvents();
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .when(redeem(FreeCareService.LEATHER_CARE, "SUIT", Material.TEXTILE, "2000.00"))
                .expectException(rejectedWith(NOT_ELIGIBLE, "service"));
    }

    @Test
    void refusesUnknownCustomers() {
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .when(new RedeemFreeCare(SUIT, CustomerId.of("stranger"), ORDER, "SUIT-1", "SUIT", Material.TEXTILE,
                        Money.of("2000.00", "CNY"), SOLD, FreeCareService.DRY_CLEAN, CLERK))
                .expectException(rejectedWith(NOT_FOUND, "customerId"));
    }

    /** The fixture knows one garment per test, so this one names only the other. */
    @Test
    void refusesAnIdThatIsNotTheGarmentsOwn() {
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .when(new RedeemFreeCare(GarmentId.of(ORDER, "OTHER"), CUSTOMER, ORDER, "SUIT-1", "SUIT",
                        Material.TEXTILE, Money.of("2000.00", "CNY"), SOLD, FreeCareService.DRY_CLEAN, CLERK))
                .expectException(rejectedWith(INVALID_INPUT, "garmentId"));
    }
}
