package io.careledger.command.customer;

import static io.careledger.command.customer.CustomerTestData.CARE;
import static io.careledger.command.customer.CustomerTestData.ID;
import static io.careledger.command.customer.CustomerTestData.MEMBERSHIP;
import static io.careledger.command.customer.CustomerTestData.NOW;
import static io.careledger.command.customer.CustomerTestData.TIERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.careledger.api.common.Channel;
import io.careledger.api.common.OrderId;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.customer.PointsRedeemed;
import io.careledger.api.customer.PurchaseLine;
import io.careledger.api.customer.PurchaseRecorded;
import io.careledger.api.customer.RecordPurchase;
import io.careledger.api.customer.RedeemPoints;
import io.careledger.api.customer.RegisterCustomer;
import io.careledger.api.error.CommandRejectedException;
import io.careledger.api.error.ErrorCode;
import io.careledger.command.care.policy.CarePolicy;
import io.careledger.command.customer.policy.MembershipPolicy;
import io.careledger.command.customer.policy.TierPolicy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.test.deadline.StubDeadlineManager;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Whatever purchases (in any order of time, some repeated) and redemptions a customer goes through, the stored
 * balance is never negative and is always the points earned minus the points redeemed. Runs the aggregate in a
 * real Axon configuration, so every command meets the state the previous ones left in the event store.
 */
class PointsBalancePropertyTest {

    private static final StaffId CLERK = StaffId.of("clerk-1");

    static {
        // Each try builds an Axon configuration, and each would print the console advertisement.
        System.setProperty("disable-axoniq-console-message", "true");
    }

    /** One thing that happens to the customer's points. */
    sealed interface Step permits Buy, Repeat, Redeem {
    }

    /** A purchase of {@code cents}, made {@code minutesAgo} before now. */
    record Buy(long cents, int minutesAgo) implements Step {
    }

    /** The previous purchase sent again, as a retrying till would. */
    record Repeat() implements Step {
    }

    record Redeem(long points) implements Step {
    }

    @Property(tries = 60)
    void theBalanceIsNeverNegativeAndIsEarnedMinusRedeemed(@ForAll("histories") List<Step> steps) {
        Configuration axon = configuration();
        axon.start();
        try {
            CommandGateway commands = axon.commandGateway();
            commands.sendAndWait(new RegisterCustomer(ID, "Li Na", "13800138000", null, null, null, null, null,
                    StoreId.of("store-7"), null, Channel.STORE_DESK, null, CLERK));
            RecordPurchase previous = null;
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                if (step instanceof Buy buy) {
                    previous = purchase(i, buy);
                    commands.sendAndWait(previous);
                } else if (step instanceof Repeat && previous != null) {
                    RecordPurchase again = previous;
                    assertThatThrownBy(() -> commands.sendAndWait(again))
                            .isInstanceOfSatisfying(CommandRejectedException.class,
                                    e -> assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_EXISTS));
                } else if (step instanceof Redeem redeem) {
                    long balance = balance(axon);
                    if (redeem.points() > balance) {
                        assertThatThrownBy(() -> commands.sendAndWait(new RedeemPoints(ID, redeem.points(), null,
                                CLERK))).isInstanceOfSatisfying(CommandRejectedException.class,
                                e -> assertThat(e.code()).isEqualTo(ErrorCode.INSUFFICIENT_POINTS));
                    } else {
                        commands.sendAndWait(new RedeemPoints(ID, redeem.points(), null, CLERK));
                    }
                }
            }
            assertBalances(axon, steps.stream().filter(Buy.class::isInstance).count());
        } finally {
            axon.shutdown();
        }
    }

    /** Every balance on the events follows from the one before; each distinct purchase is counted once. */
    private static void assertBalances(Configuration axon, long distinctPurchases) {
        long earned = 0;
        long redeemed = 0;
        long purchases = 0;
        for (Object event : events(axon)) {
            if (event instanceof PurchaseRecorded purchase) {
                earned += purchase.pointsEarned();
                purchases++;
                assertThat(purchase.pointsBalance()).isEqualTo(earned - redeemed);
            } else if (event instanceof PointsRedeemed redemption) {
                redeemed += redemption.points();
                assertThat(redemption.pointsBalance()).isEqualTo(earned - redeemed);
            }
            assertThat(earned - redeemed).isNotNegative();
        }
        assertThat(purchases).isEqualTo(distinctPurchases);
    }

    private static long balance(Configuration axon) {
        long balance = 0;
        for (Object event : events(axon)) {
            if (event instanceof PurchaseRecorded purchase) {
                balance = purchase.pointsBalance();
            } else if (event instanceof PointsRedeemed redemption) {
                balance = redemption.pointsBalance();
            }
        }
        return balance;
    }

    private static List<Object> events(Configuration axon) {
        return axon.eventStore().readEvents(ID.value()).asStream().<Object>map(Message::getPayload).toList();
    }

    private static RecordPurchase purchase(int index, Buy buy) {
        PurchaseLine line = new PurchaseLine("SKU-" + index, "apparel", 1,
                CustomerTestData.cny(BigDecimal.valueOf(buy.cents(), 2).toPlainString()));
        return new RecordPurchase(ID, OrderId.of("order-" + index), StoreId.of("store-7"), Channel.STORE_DESK,
                List.of(line), NOW.minus(Duration.ofMinutes(buy.minutesAgo())), CLERK);
    }

    private static Configuration configuration() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(CustomerAggregate.class)
                .registerComponent(TierPolicy.class, c -> TIERS)
                .registerComponent(MembershipPolicy.class, c -> MEMBERSHIP)
                .registerComponent(CarePolicy.class, c -> CARE)
                .registerComponent(KnownCustomers.class, c -> customer -> true)
                .registerComponent(PersonalDataKeys.class, c -> customer -> {
                    throw new AssertionError("Nothing is erased here");
                })
                .registerComponent(Clock.class, c -> clock)
                .registerComponent(DeadlineManager.class, c -> new StubDeadlineManager(NOW))
                .buildConfiguration();
    }

    /** Up to 30 steps; purchases up to 30,000 yuan over two years, redemptions up to 40,000 points. */
    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> buy = Combinators.combine(
                        Arbitraries.longs().between(1, 3_000_000), Arbitraries.integers().between(0, 2 * 525_600))
                .as(Buy::new);
        Arbitrary<Step> redeem = Arbitraries.longs().between(1, 40_000).map(Redeem::new);
        Arbitrary<Step> repeat = Arbitraries.just(new Repeat());
        return Arbitraries.frequencyOf(Tuple.of(5, buy), Tuple.of(4, redeem), Tuple.of(1, repeat))
                .list().ofMaxSize(30);
    }
}
