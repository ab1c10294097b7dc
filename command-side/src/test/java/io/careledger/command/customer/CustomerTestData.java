package io.careledger.command.customer;

import io.careledger.api.common.Channel;
import io.careledger.api.common.Money;
import io.careledger.api.common.OrderId;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.customer.ConsentPurpose;
import io.careledger.api.customer.ContactChannel;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.CustomerRegistered;
import io.careledger.api.customer.Gender;
import io.careledger.api.customer.PurchaseLine;
import io.careledger.api.customer.PurchaseRecorded;
import io.careledger.api.customer.RecordPurchase;
import io.careledger.api.customer.RegisterCustomer;
import io.careledger.api.customer.Tier;
import io.careledger.api.customer.VipUpgraded;
import io.careledger.command.care.policy.CarePolicy;
import io.careledger.command.customer.policy.MembershipPolicy;
import io.careledger.command.customer.policy.TierPolicy;
import io.careledger.command.support.FixtureClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;

/** One customer's worth of test data, shared by the customer aggregate's tests. */
final class CustomerTestData {

    /** 17:00 in Shanghai, the care policy's zone: the same local date as in UTC. */
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-03-02");
    static final Instant REGISTERED_AT = Instant.parse("2026-01-05T02:00:00Z");
    static final CustomerId ID = CustomerId.of("customer-1");
    static final CustomerId REFERRER = CustomerId.of("customer-2");
    static final CustomerId STRANGER = CustomerId.of("customer-unknown");
    static final StoreId STORE = StoreId.of("store-7");
    static final StaffId CLERK = StaffId.of("clerk-1");
    static final StaffId SUPERVISOR = StaffId.of("supervisor-1");
    static final String MEMBERSHIP_VERSION = "membership-2026.1";
    static final String TIERS_VERSION = "tiers-2026.1";
    static final TierPolicy TIERS = TierPolicy.defaults();
    static final MembershipPolicy MEMBERSHIP = MembershipPolicy.defaults();
    static final CarePolicy CARE = CarePolicy.defaults();

    private CustomerTestData() {
    }

    /** A fixture whose clock follows its own simulated time, with the default policies and two known customers. */
    static AggregateTestFixture<CustomerAggregate> newFixture() {
        return newFixture(customer -> {
            throw new AssertionError("No key is shredded in this test");
        });
    }

    /** @param keys the personal-data keys an erasure shreds */
    static AggregateTestFixture<CustomerAggregate> newFixture(PersonalDataKeys keys) {
        AggregateTestFixture<CustomerAggregate> fixture = new AggregateTestFixture<>(CustomerAggregate.class);
        KnownCustomers customers = customer -> customer.equals(ID) || customer.equals(REFERRER);
        fixture.registerInjectableResources(TIERS, MEMBERSHIP, CARE, customers, keys,
                new FixtureClock(fixture::currentTime));
        return fixture;
    }

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    static RegisterCustomer register(LocalDate birthday) {
        return new RegisterCustomer(ID, "Li Na", "13800138000", null, null, birthday, null, null, STORE, null,
                Channel.STORE_DESK, null, CLERK);
    }

    /** The customer registered at {@link #REGISTERED_AT}: SMS preferred, data processing and SMS consented. */
    static CustomerRegistered registered() {
        return registered(null);
    }

    static CustomerRegistered registered(LocalDate birthday) {
        return new CustomerRegistered(ID, "Li Na", "13800138000", "li.na@example.com", Gender.FEMALE, birthday,
                STORE, Channel.STORE_DESK, Set.of(ConsentPurpose.DATA_PROCESSING, ConsentPurpose.MARKETING_SMS),
                "1 Nanjing Road, Shanghai", "M", ContactChannel.SMS, Tier.MEMBER, CLERK, REGISTERED_AT);
    }

    /** A purchase of one line costing {@code amount}. */
    static RecordPurchase purchase(String orderId, Instant purchasedAt, String amount) {
        return new RecordPurchase(ID, OrderId.of(orderId), STORE, Channel.STORE_DESK,
                List.of(line(amount)), purchasedAt, CLERK);
    }

    static PurchaseLine line(String unitPrice) {
        return new PurchaseLine("SKU-1", "apparel", 1, cny(unitPrice));
    }

    /**
     * What recording {@link #purchase} at {@link #NOW} stores, given the figures the policies should arrive at.
     * Amounts are written with two decimals, as the aggregate records them.
     */
    static PurchaseRecorded purchased(String orderId, Instant purchasedAt, String amount, long points, long balance,
                                      String cumulative, String rolling) {
        return new PurchaseRecorded(ID, OrderId.of(orderId), STORE, Channel.STORE_DESK, List.of(line(amount)),
                cny(scaled(amount)), purchasedAt, points, balance, cny(cumulative), cny(rolling), MEMBERSHIP_VERSION,
                CLERK, NOW);
    }

    /**
     * An earlier purchase as a given event: only its time, total and the resulting cumulative spend and balance
     * matter to later decisions.
     */
    static PurchaseRecorded earlierPurchase(String orderId, Instant purchasedAt, String amount, String cumulative,
                                            long balance) {
        return new PurchaseRecorded(ID, OrderId.of(orderId), STORE, Channel.STORE_DESK, List.of(line(amount)),
                cny(scaled(amount)), purchasedAt, 0, balance, cny(cumulative), cny(amount), MEMBERSHIP_VERSION,
                CLERK, purchasedAt);
    }

    static VipUpgraded upgradedByHand(Tier from, Tier to) {
        return new VipUpgraded(ID, from, to, false, null, null, "Long-standing customer", SUPERVISOR, REGISTERED_AT);
    }

    private static String scaled(String amount) {
        return new BigDecimal(amount).setScale(2).toPlainString();
    }
}
