package io.careledger.query.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.careledger.api.common.Money;
import io.careledger.api.common.PersonalData;
import io.careledger.api.common.StoreId;
import io.careledger.api.customer.BirthdayApproaching;
import io.careledger.api.customer.ConsentGiven;
import io.careledger.api.customer.ConsentPurpose;
import io.careledger.api.customer.ConsentWithdrawn;
import io.careledger.api.customer.ContactChannel;
import io.careledger.api.customer.CustomerBecameDormant;
import io.careledger.api.customer.CustomerEvent;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.CustomerPersonalDataErased;
import io.careledger.api.customer.CustomerProfileUpdated;
import io.careledger.api.customer.CustomerRegistered;
import io.careledger.api.customer.CustomerTagged;
import io.careledger.api.customer.CustomerUntagged;
import io.careledger.api.customer.CustomerView;
import io.careledger.api.customer.Gender;
import io.careledger.api.customer.PointsRedeemed;
import io.careledger.api.customer.ProfileNoteRecorded;
import io.careledger.api.customer.ProfileNoteView;
import io.careledger.api.customer.PurchaseRecorded;
import io.careledger.api.customer.ReferralRecorded;
import io.careledger.api.customer.SpendMilestoneReached;
import io.careledger.api.customer.SurveyResponseRecorded;
import io.careledger.api.customer.Tier;
import io.careledger.api.customer.TierRetained;
import io.careledger.api.customer.VipDowngraded;
import io.careledger.api.customer.VipUpgraded;

/**
 * How one customer event changes the customer's file as readers see it. Pure, so the file replayed from the
 * event store ({@code FindCustomer}), the customer projection and its rebuild agree on the same view for the
 * same events. What other aggregates know ({@code openCases}, {@code lastContactAt}) is never folded in here.
 * <p>
 * Spend and points are taken as the membership policy recorded them on each event, never recomputed: the
 * policy decided, the read model repeats. Before the first purchase no currency is known, so both spends are
 * null then. Consents are kept in their declaration order, so the stored document is the same whichever
 * instance wrote it.
 */
public final class CustomerFold {

    private CustomerFold() {
    }

    /**
     * @param state    the view before the event; null only before the customer was registered
     * @param sequence the event's sequence number in the customer's stream, recorded as the view's version
     * @throws IllegalStateException for an event of a customer that was never registered
     */
    public static CustomerView apply(CustomerView state, CustomerEvent event, long sequence) {
        if (event instanceof CustomerRegistered registered) {
            return registered(registered, sequence);
        }
        if (state == null) {
            throw new IllegalStateException("Customer " + event.customerId() + " has a "
                    + event.getClass().getSimpleName() + " (sequence " + sequence + ") but was never registered");
        }
        Draft draft = new Draft(state);
        if (event instanceof CustomerProfileUpdated updated) {
            draft.profile(updated);
        } else if (event instanceof ProfileNoteRecorded note) {
            draft.notes.add(new ProfileNoteView(note.category(), note.text(), note.by(), note.occurredAt()));
        } else if (event instanceof CustomerTagged tagged) {
            if (!draft.tags.contains(tagged.tag())) {
                draft.tags.add(tagged.tag());
            }
        } else if (event instanceof CustomerUntagged untagged) {
            draft.tags.remove(untagged.tag());
        } else if (event instanceof ConsentGiven given) {
            draft.consents.add(given.purpose());
        } else if (event instanceof ConsentWithdrawn withdrawn) {
            draft.consents.remove(withdrawn.purpose());
        } else if (event instanceof PurchaseRecorded purchase) {
            draft.points = purchase.pointsBalance();
            draft.cumulativeSpend = purchase.cumulativeSpend();
            draft.rollingSpend = purchase.rollingSpend();
            // A purchase recorded late (a paper receipt entered days after) does not move the last purchase back.
            if (draft.lastPurchaseAt == null || purchase.purchasedAt().isAfter(draft.lastPurchaseAt)) {
                draft.lastPurchaseAt = purchase.purchasedAt();
            }
        } else if (event instanceof VipUpgraded upgraded) {
            draft.tier = upgraded.to();
        } else if (event instanceof VipDowngraded downgraded) {
            draft.tier = downgraded.to();
        } else if (event instanceof TierRetained retained) {
            draft.tier = retained.tier();
        } else if (event instanceof PointsRedeemed redeemed) {
            draft.points = redeemed.pointsBalance();
        } else if (event instanceof ReferralRecorded referral) {
            draft.referredBy = referral.referredBy();
        } else if (event instanceof CustomerPersonalDataErased) {
            draft.erasePersonalData();
        } else if (!(event instanceof SpendMilestoneReached || event instanceof BirthdayApproaching
                || event instanceof CustomerBecameDormant || event instanceof SurveyResponseRecorded)) {
            // Those four change nothing on the file (they start care work, which the care tasks show).
            // Unreachable while every permitted CustomerEvent has a branch (CustomerFoldTest checks).
            throw new IllegalArgumentException("No fold for " + event.getClass().getName());
        }
        return draft.toView(sequence);
    }

    private static CustomerView registered(CustomerRegistered registered, long sequence) {
        Set<ConsentPurpose> consents = registered.consents() == null || registered.consents().isEmpty()
                ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(registered.consents()));
        // Registrations stored before tiers were recorded on them start, as every registration does, at MEMBER.
        Tier tier = registered.tier() == null ? Tier.MEMBER : registered.tier();
        return new CustomerView(registered.customerId(), registered.name(), registered.phone(), registered.email(),
                registered.gender(), registered.birthday(), registered.address(), registered.clothingSize(),
                registered.homeStoreId(), registered.preferredContact(), consents, List.of(), List.of(), tier, 0,
                null, null, null, registered.occurredAt(), null, null, null, sequence);
    }

    /** The mutable working copy of a view while one event is folded in. */
    private static final class Draft {
        private final CustomerId id;
        private String name;
        private String phone;
        private String email;
        private Gender gender;
        private LocalDate birthday;
        private String address;
        private String clothingSize;
        private StoreId homeStoreId;
        private ContactChannel preferredContact;
        private final EnumSet<ConsentPurpose> consents;
        private final List<String> tags;
        private final List<ProfileNoteView> notes;
        private Tier tier;
        private long points;
        private Money cumulativeSpend;
        private Money rollingSpend;
        private CustomerId referredBy;
        private final Instant registeredAt;
        private Instant lastPurchaseAt;

        private Draft(CustomerView view) {
            id = view.id();
            name = view.name();
            phone = view.phone();
            email = view.email();
            gender = view.gender();
            birthday = view.birthday();
            address = view.address();
            clothingSize = view.clothingSize();
            homeStoreId = view.homeStoreId();
            preferredContact = view.preferredContact();
            consents = EnumSet.noneOf(ConsentPurpose.class);
            consents.addAll(view.consents());
            tags = new ArrayList<>(view.tags());
            notes = new ArrayList<>(view.notes());
            tier = view.tier();
            points = view.points();
            cumulativeSpend = view.cumulativeSpend();
            rollingSpend = view.rollingSpend();
            referredBy = view.referredBy();
            registeredAt = view.registeredAt();
            lastPurchaseAt = view.lastPurchaseAt();
        }

        /** Only the fields the event sets changed; the others are null on it and stay as they are. */
        private void profile(CustomerProfileUpdated updated) {
            name = updated.name() != null ? updated.name() : name;
            phone = updated.phone() != null ? updated.phone() : phone;
            email = updated.email() != null ? updated.email() : email;
            gender = updated.gender() != null ? updated.gender() : gender;
            birthday = updated.birthday() != null ? updated.birthday() : birthday;
            address = updated.address() != null ? updated.address() : address;
            clothingSize = updated.clothingSize() != null ? updated.clothingSize() : clothingSize;
            homeStoreId = updated.homeStoreId() != null ? updated.homeStoreId() : homeStoreId;
            preferredContact = updated.preferredContact() != null ? updated.preferredContact() : preferredContact;
        }

        /**
         * What the store reads back for an erased customer: text as the placeholder, the birthday unknown. So the
         * live document, cleaned by the erasure, equals the one a rebuild folds from the erased events.
         */
        private void erasePersonalData() {
            name = PersonalData.ERASED;
            phone = PersonalData.ERASED;
            email = email == null ? null : PersonalData.ERASED;
            birthday = null;
            address = address == null ? null : PersonalData.ERASED;
            notes.replaceAll(note -> new ProfileNoteView(note.category(), PersonalData.ERASED, note.by(), note.at()));
        }

        private CustomerView toView(long version) {
            return new CustomerView(id, name, phone, email, gender, birthday, address, clothingSize, homeStoreId,
                    preferredContact, Collections.unmodifiableSet(consents), List.copyOf(tags), List.copyOf(notes), tier, points,
                    cumulativeSpend, rollingSpend, referredBy, registeredAt, lastPurchaseAt, null, null, version);
        }
    }
}
