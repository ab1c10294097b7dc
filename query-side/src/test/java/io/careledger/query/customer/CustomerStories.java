package io.careledger.query.customer;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.careledger.api.common.Channel;
import io.careledger.api.common.Money;
import io.careledger.api.common.OrderId;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.customer.BirthdayApproaching;
import io.careledger.api.customer.ConsentGiven;
import io.careledger.api.customer.ConsentPurpose;
import io.careledger.api.customer.ConsentWithdrawn;
import io.careledger.api.customer.ContactChannel;
import io.careledger.api.customer.CustomerBecameDormant;
import io.careledger.api.customer.CustomerEvent;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.CustomerProfileUpdated;
import io.careledger.api.customer.CustomerRegistered;
import io.careledger.api.customer.CustomerTagged;
import io.careledger.api.customer.CustomerUntagged;
import io.careledger.api.customer.CustomerView;
import io.careledger.api.customer.Gender;
import io.careledger.api.customer.NoteCategory;
import io.careledger.api.customer.PointsRedeemed;
import io.careledger.api.customer.ProfileNoteRecorded;
import io.careledger.api.customer.PurchaseLine;
import io.careledger.api.customer.PurchaseRecorded;
import io.careledger.api.customer.ReferralRecorded;
import io.careledger.api.customer.SpendMilestoneReached;
import io.careledger.api.customer.SurveyResponseId;
import io.careledger.api.customer.SurveyResponseRecorded;
import io.careledger.api.customer.SurveySubject;
import io.careledger.api.customer.Tier;
import io.careledger.api.customer.TierRetained;
import io.careledger.api.customer.VipDowngraded;
import io.careledger.api.customer.VipUpgraded;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

/** Customer events as the command side records them, for the read-model tests. */
public final class CustomerStories {
    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00.123456789Z");
    public static final StaffId CLERK = StaffId.of("clerk-1");
    public static final StaffId SUPERVISOR = StaffId.of("supervisor-1");
    public static final StoreId STORE = StoreId.of("SH-001");
    /** Half an hour before the new year in UTC, already 2026 in Shanghai: it counts for 2025. */
    public static final Instant LAST_NIGHT_OF_2025 = Instant.parse("2025-12-31T23:30:00Z");

    private CustomerStories() {
    }

    public static CustomerRegistered registered(String id, String name, String phone, String store, Instant at) {
        return new CustomerRegistered(CustomerId.of(id), name, phone, null, null, null, StoreId.of(store),
                Channel.STORE_DESK, Set.of(ConsentPurpose.DATA_PROCESSING), null, null, null, Tier.MEMBER, CLERK, at);
    }

    public static PurchaseRecorded purchase(String id, String order, Instant purchasedAt, String total,
                                            String cumulative, long points, long balance) {
        Money amount = Money.of(total, "CNY");
        return new PurchaseRecorded(CustomerId.of(id), OrderId.of(order), STORE, Channel.STORE_DESK,
                List.of(new PurchaseLine("sku-1", "dress", 1, amount)), amount, purchasedAt, points, balance,
                Money.of(cumulative, "CNY"), Money.of(cumulative, "CNY"), "membership-1", CLERK, purchasedAt);
    }

    /** Li Na's file through every kind of customer event, one hour apart. */
    public static List<CustomerEvent> lifecycle(String id, Instant registeredAt) {
        CustomerId customer = CustomerId.of(id);
        Clock clock = new Clock(registeredAt);
        List<CustomerEvent> events = new ArrayList<>();
        events.add(new CustomerRegistered(customer, "李娜 Li Na", "+86 138-0013-8000", "li.na@example.com",
                Gender.FEMALE, LocalDate.of(1990, 4, 30), STORE, Channel.STORE_DESK,
                EnumSet.of(ConsentPurpose.PROFILING, ConsentPurpose.DATA_PROCESSING), "上海市南京路 1 号", "M",
                ContactChannel.SMS, Tier.MEMBER, CLERK, clock.now()));
        events.add(new CustomerProfileUpdated(customer, null, null, "li.na@new.example.com", null, null, null, "L",
                null, null, CLERK, clock.next()));
        events.add(new ProfileNoteRecorded(customer, NoteCategory.STYLE, "喜欢简约风格, likes a minimalist style",
                CLERK, clock.next()));
        events.add(new CustomerTagged(customer, "maternal-and-baby repeat buyer", CLERK, clock.next()));
        events.add(new CustomerTagged(customer, "once complained about damaged packaging", CLERK, clock.next()));
        events.add(new CustomerUntagged(customer, "maternal-and-baby repeat buyer", CLERK, clock.next()));
        events.add(new ConsentGiven(customer, ConsentPurpose.MARKETING_SMS, CLERK, clock.next()));
        events.add(new ConsentWithdrawn(customer, ConsentPurpose.PROFILING, CLERK, clock.next()));
        events.add(new PurchaseRecorded(customer, OrderId.of("order-" + id + "-1"), STORE, Channel.STORE_DESK,
                List.of(new PurchaseLine("sku-dress", "dress", 2, Money.of("299.50", "CNY"))),
                Money.of("599.00", "CNY"), LAST_NIGHT_OF_2025, 599, 599, Money.of("599.00", "CNY"),
                Money.of("599.00", "CNY"), "membership-1", CLERK, clock.next()));
        events.add(new SpendMilestoneReached(customer, Money.of("500", "CNY"), Money.of("599.00", "CNY"),
                OrderId.of("order-" + id + "-1"), "membership-1", StaffId.SYSTEM, clock.next()));
        events.add(new VipUpgraded(customer, Tier.MEMBER, Tier.SILVER, true, "tier-1", Money.of("599.00", "CNY"), null,
                StaffId.SYSTEM, clock.next()));
        events.add(new PurchaseRecorded(customer, OrderId.of("order-" + id + "-2"), StoreId.of("SH-002"), Channel.APP,
                List.of(new PurchaseLine("sku-coat", "coat", 1, Money.of("1200.5", "CNY"))),
                Money.of("1200.5", "CNY"), clock.next(), 1200, 1799, Money.of("1799.50", "CNY"),
                Money.of("1799.50", "CNY"), "membership-1", CLERK, clock.now()));
        events.add(new PointsRedeemed(customer, 300, 1499, "生日礼品 birthday gift", CLERK, clock.next()));
        events.add(new ReferralRecorded(customer, CustomerId.of("c-referrer"), CLERK, clock.next()));
        events.add(new VipUpgraded(customer, Tier.SILVER, Tier.GOLD, false, null, null, "loyal for ten years",
                SUPERVISOR, clock.next()));
        events.add(new VipDowngraded(customer, Tier.GOLD, Tier.SILVER, "tier-1", Money.of("1799.50", "CNY"),
                StaffId.SYSTEM, clock.next()));
        events.add(new TierRetained(customer, Tier.SILVER, "tier-1", Money.of("1799.50", "CNY"), StaffId.SYSTEM,
                clock.next()));
        events.add(new BirthdayApproaching(customer, LocalDate.of(1990, 4, 30), 7, StaffId.SYSTEM, clock.next()));
        events.add(new CustomerBecameDormant(customer, clock.now().minus(Duration.ofDays(1)), Duration.ofDays(180),
                "membership-1", StaffId.SYSTEM, clock.next()));
        events.add(new SurveyResponseRecorded(customer, SurveyResponseId.of("survey-" + id),
                new SurveySubject(SurveySubject.Kind.ORDER, "order-" + id + "-2"), 4, 9, "服务很好 great service",
                CLERK, clock.next()));
        return events;
    }

    /** The view of events applied once each, in order, with their index as sequence number. */
    public static CustomerView fold(List<? extends CustomerEvent> events) {
        CustomerView view = null;
        for (int sequence = 0; sequence < events.size(); sequence++) {
            view = CustomerFold.apply(view, events.get(sequence), sequence);
        }
        return view;
    }

    /** The document of events applied once each, in order. */
    public static CustomerDocument document(List<? extends CustomerEvent> events) {
        CustomerDocument document = null;
        for (int sequence = 0; sequence < events.size(); sequence++) {
            document = CustomerDocument.apply(document, events.get(sequence), sequence);
        }
        return document;
    }

    /** The events as the aggregate stores them: sequence numbers from 0. */
    public static List<DomainEventMessage<CustomerEvent>> messages(List<? extends CustomerEvent> events) {
        List<DomainEventMessage<CustomerEvent>> messages = new ArrayList<>();
        for (int sequence = 0; sequence < events.size(); sequence++) {
            CustomerEvent event = events.get(sequence);
            messages.add(new GenericDomainEventMessage<>("CustomerAggregate", event.customerId().value(), sequence,
                    event, MetaData.with("actor", event.by().value())));
        }
        return messages;
    }

    /** Business time moving one hour per event. */
    private static final class Clock {
        private Instant now;

        private Clock(Instant start) {
            now = start;
        }

        private Instant now() {
            return now;
        }

        private Instant next() {
            now = now.plus(Duration.ofHours(1));
            return now;
        }
    }
}
