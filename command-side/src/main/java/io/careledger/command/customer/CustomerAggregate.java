package io.careledger.command.customer;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.careledger.api.common.Money;
import io.careledger.api.common.StaffId;
import io.careledger.api.customer.BirthdayApproaching;
import io.careledger.api.customer.ConsentGiven;
import io.careledger.api.customer.ConsentPurpose;
import io.careledger.api.customer.ConsentWithdrawn;
import io.careledger.api.customer.CustomerBecameDormant;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.CustomerPersonalDataErased;
import io.careledger.api.customer.CustomerProfileUpdated;
import io.careledger.api.customer.CustomerRegistered;
import io.careledger.api.customer.CustomerTagged;
import io.careledger.api.customer.CustomerUntagged;
import io.careledger.api.customer.EraseCustomerPersonalData;
import io.careledger.api.customer.GiveConsent;
import io.careledger.api.customer.PointsRedeemed;
import io.careledger.api.customer.ProfileNoteRecorded;
import io.careledger.api.customer.PurchaseLine;
import io.careledger.api.customer.PurchaseRecorded;
import io.careledger.api.customer.RecordProfileNote;
import io.careledger.api.customer.RecordPurchase;
import io.careledger.api.customer.RecordReferral;
import io.careledger.api.customer.RecordSurveyResponse;
import io.careledger.api.customer.RedeemPoints;
import io.careledger.api.customer.ReferralRecorded;
import io.careledger.api.customer.RegisterCustomer;
import io.careledger.api.customer.ReviewTier;
import io.careledger.api.customer.SpendMilestoneReached;
import io.careledger.api.customer.SurveyResponseId;
import io.careledger.api.customer.SurveyResponseRecorded;
import io.careledger.api.customer.SurveySubject;
import io.careledger.api.customer.TagCustomer;
import io.careledger.api.customer.Tier;
import io.careledger.api.customer.TierRetained;
import io.careledger.api.customer.UntagCustomer;
import io.careledger.api.customer.UpdateCustomerProfile;
import io.careledger.api.customer.UpgradeVip;
import io.careledger.api.customer.VipDowngraded;
import io.careledger.api.customer.VipUpgraded;
import io.careledger.api.customer.WithdrawConsent;
import io.careledger.api.error.CommandRejectedException;
import io.careledger.api.error.ErrorCode;
import io.careledger.command.care.policy.CarePolicy;
import io.careledger.command.common.PolicyTables;
import io.careledger.command.common.Validate;
import io.careledger.command.customer.policy.MembershipPolicy;
import io.careledger.command.customer.policy.Spend;
import io.careledger.command.customer.policy.TierPolicy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A customer's file (DOMAIN.md §1-2): profile, notes, tags, consents, purchases with points and tiers,
 * referrals, survey answers, and the two deadlines that watch the file (a birthday coming up, a member gone
 * quiet). The sources ask for name and phone first and everything else only if the customer agrees, so the
 * optional fields are checked only when given. Policies, the clock, the deadline manager and the customer port
 * arrive as handler parameters, as in the complaint aggregate.
 */
public class CustomerAggregate {

    /** Stored with every pending deadline; renaming it orphans them. */
    static final String BIRTHDAY_DEADLINE = "customer-birthday";
    /** Stored with every pending deadline; renaming it orphans them. */
    static final String DORMANCY_DEADLINE = "customer-dormancy";

    private static final int NAME_MAX = 100;
    private static final int EMAIL_MAX = 254;
    private static final int ADDRESS_MAX = 200;
    private static final int CLOTHING_SIZE_MAX = 10;
    private static final int NOTE_MAX = 2000;
    private static final int TAG_MAX = 50;
    private static final int REASON_MAX = 500;
    private static final int COMMENT_MAX = 2000;
    private static final int LINES_MAX = 200;
    private static final int LINE_TEXT_MAX = 64;
    private static final int QUANTITY_MAX = 10_000;
    /** Digits with an optional leading '+', grouped by spaces or '-' as people write them. */
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d -]*\\d");
    private static final int PHONE_MIN = 6;
    private static final int PHONE_MAX = 20;
    /** Deliberately loose: the only proof of an address is a message that arrives. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    @AggregateIdentifier
    private CustomerId customerId;
    private CustomerProfile profile;
    private Instant registeredAt;
    private Set<ConsentPurpose> consents;
    private Set<String> tags;
    private Tier tier;
    private long pointsBalance;
    private PurchaseHistory purchases;
    private CustomerId referredBy;
    private Set<SurveyResponseId> surveyResponses;
    private Set<SurveySubject> surveyedSubjects;
    /** The last birthday announced, so a deadline that fires twice announces it once. */
    private LocalDate lastBirthdayAnnounced;
    /** The last activity the customer was found dormant after, so a repeated deadline records it once. */
    private Instant dormantAfterActivityAt;
    /** Once erased, nothing personal is recorded for the customer again, and a second erasure is refused. */
    private boolean personalDataErased;

    /** Axon rebuilds the customer from its events through this constructor. */
    protected CustomerAggregate() {
    }

    /**
     * A new member. The dormancy watch starts at once (a customer who never buys is as dormant as one who
     * stopped), and a birthday, if the customer gave one, is watched from now on.
     */
    @CommandHandler
    public CustomerAggregate(RegisterCustomer command, MembershipPolicy membership, CarePolicy care,
                             DeadlineManager deadlines, Clock clock) {
        Instant now = clock.instant();
        validate(command, care.today(now));
        apply(new CustomerRegistered(command.customerId(), command.name(), command.phone(), command.email(),
                command.gender(), command.birthday(), command.homeStoreId(), command.channel(),
                command.consents() == null ? Set.of() : Set.copyOf(command.consents()),
                command.address(), command.clothingSize(), command.preferredContact(),
                Tier.MEMBER, command.actor(), now));
        // Axon applies a constructor's events after it returns, so the plans below use the command's values.
        scheduleDormancy(now, membership, deadlines);
        if (command.birthday() != null) {
            scheduleBirthday(command.birthday(), null, now, membership, care, deadlines);
        }
    }

    private static void validate(RegisterCustomer command, LocalDate today) {
        Validate.text(command.name(), "name", NAME_MAX);
        Validate.required(command.phone(), "phone");
        validateProfile(command.name(), command.phone(), command.email(), command.birthday(), command.address(),
                command.clothingSize(), today);
        Validate.required(command.homeStoreId(), "homeStoreId");
        Validate.required(command.channel(), "channel");
        if (command.consents() != null && command.consents().stream().anyMatch(Objects::isNull)) {
            throw Validate.invalid("consents", "consents must not contain an empty entry");
        }
        Validate.required(command.actor(), "actor");
    }

    /** The checks of every hard-profile field that is given; registration and updates share them. */
    private static void validateProfile(String name, String phone, String email, LocalDate birthday, String address,
                                        String clothingSize, LocalDate today) {
        Validate.optionalLine(name, "name", NAME_MAX);
        if (phone != null
                && (phone.length() < PHONE_MIN || phone.length() > PHONE_MAX || !PHONE.matcher(phone).matches())) {
            throw Validate.invalid("phone", "phone must be " + PHONE_MIN + "-" + PHONE_MAX
                    + " characters: digits, an optional leading '+', spaces or '-'");
        }
        if (email != null && (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches())) {
            throw Validate.invalid("email", "email is not a well-formed address");
        }
        if (birthday != null && birthday.isAfter(today)) {
            throw Validate.invalid("birthday", "birthday must not be in the future");
        }
        if (address != null) {
            // An address may be written over several lines, as on an envelope.
            Validate.multilineText(address, "address", ADDRESS_MAX);
        }
        Validate.optionalLine(clothingSize, "clothingSize", CLOTHING_SIZE_MAX);
    }

    /**
     * Records only what really changes (the contract: a repeated value is no change, a command that changes
     * nothing records nothing). A changed birthday re-plans the birthday watch.
     */
    @CommandHandler
    public void handle(UpdateCustomerProfile command, MembershipPolicy membership, CarePolicy care,
                       DeadlineManager deadlines, Clock clock) {
        Instant now = clock.instant();
        validateProfile(command.name(), command.phone(), command.email(), command.birthday(), command.address(),
                command.clothingSize(), care.today(now));
        Validate.required(command.actor(), "actor");
        if (command.name() != null || command.phone() != null || command.email() != null
                || command.birthday() != null || command.address() != null) {
            refuseIfErased("name, phone, email, birthday and address");
        }
        CustomerProfile changes = profile.changesRequestedBy(command);
        if (changes.isEmpty()) {
            return;
        }
        apply(new CustomerProfileUpdated(customerId, changes.name(), changes.phone(), changes.email(),
                changes.gender(), changes.birthday(), changes.address(), changes.clothingSize(),
                changes.homeStoreId(), changes.preferredContact(), command.actor(), now));
        if (changes.birthday() != null) {
            deadlines.cancelAllWithinScope(BIRTHDAY_DEADLINE);
            scheduleBirthday(changes.birthday(), lastBirthdayAnnounced, now, membership, care, deadlines);
        }
    }

    @CommandHandler
    public void handle(RecordProfileNote command, Clock clock) {
        Validate.required(command.category(), "category");
        Validate.multilineText(command.text(), "text", NOTE_MAX);
        Validate.required(command.actor(), "actor");
        refuseIfErased("notes");
        apply(new ProfileNoteRecorded(customerId, command.category(), command.text(), command.actor(),
                clock.instant()));
    }

    /** Tags are compared after trimming, so " VIP " and "VIP" are one tag; tagging twice records nothing. */
    @CommandHandler
    public void handle(TagCustomer command, Clock clock) {
        String tag = validTag(command.tag());
        Validate.required(command.actor(), "actor");
        if (tags.contains(tag)) {
            return;
        }
        apply(new CustomerTagged(customerId, tag, command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(UntagCustomer command, Clock clock) {
        String tag = validTag(command.tag());
        Validate.required(command.actor(), "actor");
        if (!tags.contains(tag)) {
            throw new CommandRejectedException(ErrorCode.NOT_FOUND,
                    "Customer " + customerId + " has no tag '" + tag + "'", "tag");
        }
        apply(new CustomerUntagged(customerId, tag, command.actor(), clock.instant()));
    }

    /** strip(), not trim(): Chinese input methods type the ideographic space, which trim() keeps. */
    private static String validTag(String tag) {
        String stripped = tag == null ? null : tag.strip();
        Validate.line(stripped, "tag", TAG_MAX);
        return stripped;
    }

    @CommandHandler
    public void handle(GiveConsent command, Clock clock) {
        Validate.required(command.purpose(), "purpose");
        Validate.required(command.actor(), "actor");
        if (consents.contains(command.purpose())) {
            return;
        }
        apply(new ConsentGiven(customerId, command.purpose(), command.actor(), clock.instant()));
    }

    /** Withdrawing a consent that is not given records nothing (the contract), even one never given. */
    @CommandHandler
    public void handle(WithdrawConsent command, Clock clock) {
        Validate.required(command.purpose(), "purpose");
        Validate.required(command.actor(), "actor");
        if (!consents.contains(command.purpose())) {
            return;
        }
        apply(new ConsentWithdrawn(customerId, command.purpose(), command.actor(), clock.instant()));
    }

    /**
     * A purchase with what the policies make of it, all in one command so the figures on the events always
     * agree: points at the tier the customer had when buying, the cumulative spend, the rolling spend in the
     * tier policy's window ending at the purchase's own time (out-of-order purchases included), then an
     * automatic upgrade when that spend earns a higher tier, and a milestone event for each cumulative-spend
     * milestone this purchase passed. An order already recorded is refused, so nothing is counted twice.
     */
    @CommandHandler
    public void handle(RecordPurchase command, TierPolicy tiers, MembershipPolicy membership,
                       DeadlineManager deadlines, Clock clock) {
        Instant now = clock.instant();
        validate(command, membership.currency(), now);
        if (purchases.contains(command.orderId())) {
            throw new CommandRejectedException(ErrorCode.ALREADY_EXISTS,
                    "Order " + command.orderId() + " is already recorded for customer " + customerId, "orderId");
        }
        BigDecimal total = command.lines().stream()
                .map(line -> line.lineTotal().amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(PolicyTables.AMOUNT_SCALE);
        Tier tierBefore = tier;
        Instant lastActivityBefore = lastActivityAt();
        BigDecimal cumulativeBefore = purchases.cumulativeSpend();
        BigDecimal cumulative = cumulativeBefore.add(total).setScale(PolicyTables.AMOUNT_SCALE);
        BigDecimal rolling = tiers.rollingSpend(purchases.spendsWith(new Spend(command.purchasedAt(), total)),
                command.purchasedAt());
        long points = membership.pointsFor(total, tierBefore);
        String currency = membership.currency();

        apply(new PurchaseRecorded(customerId, command.orderId(), command.storeId(), command.channel(),
                List.copyOf(command.lines()), new Money(total, currency), command.purchasedAt(), points,
                pointsBalance + points, new Money(cumulative, currency), new Money(rolling, currency),
                membership.version(), command.actor(), now));
        Tier earned = tiers.tierFor(rolling);
        if (earned.compareTo(tierBefore) > 0) {
            apply(new VipUpgraded(customerId, tierBefore, earned, true, tiers.version(),
                    new Money(rolling, tiers.currency()), null, StaffId.SYSTEM, now));
        }
        for (BigDecimal milestone : membership.milestonesCrossed(cumulativeBefore, cumulative)) {
            apply(new SpendMilestoneReached(customerId, new Money(milestone, currency),
                    new Money(cumulative, currency), command.orderId(), membership.version(), StaffId.SYSTEM, now));
        }
        // Only a purchase later than every earlier activity moves the dormancy watch.
        if (!lastActivityAt().equals(lastActivityBefore)) {
            deadlines.cancelAllWithinScope(DORMANCY_DEADLINE);
            scheduleDormancy(lastActivityAt(), membership, deadlines);
        }
    }

    private static void validate(RecordPurchase command, String currency, Instant now) {
        Validate.required(command.orderId(), "orderId");
        Validate.required(command.storeId(), "storeId");
        Validate.required(command.channel(), "channel");
        List<PurchaseLine> lines = command.lines();
        if (lines == null || lines.isEmpty()) {
            throw Validate.invalid("lines", "a purchase needs at least one line");
        }
        if (lines.size() > LINES_MAX) {
            throw Validate.invalid("lines", "a purchase has at most " + LINES_MAX + " lines");
        }
        for (int i = 0; i < lines.size(); i++) {
            validate(lines.get(i), "lines[" + i + "]", currency);
        }
        Validate.required(command.purchasedAt(), "purchasedAt");
        if (command.purchasedAt().isAfter(now)) {
            throw Validate.invalid("purchasedAt", "purchasedAt must not be in the future");
        }
        Validate.required(command.actor(), "actor");
    }

    private static void validate(PurchaseLine line, String field, String currency) {
        Validate.required(line, field);
        Validate.line(line.sku(), field + ".sku", LINE_TEXT_MAX);
        Validate.line(line.category(), field + ".category", LINE_TEXT_MAX);
        if (line.quantity() < 1 || line.quantity() > QUANTITY_MAX) {
            throw Validate.invalid(field + ".quantity", field + ".quantity must be from 1 to " + QUANTITY_MAX);
        }
        Validate.required(line.unitPrice(), field + ".unitPrice");
        if (!line.unitPrice().currency().equals(currency)) {
            throw Validate.invalid(field + ".unitPrice", field + ".unitPrice must be in " + currency
                    + ", the membership currency");
        }
        if (line.unitPrice().amount().signum() <= 0) {
            throw Validate.invalid(field + ".unitPrice", field + ".unitPrice must be above 0");
        }
    }

    /** By hand, by a supervisor (the edge checks the role): only upwards, always with a reason. */
    @CommandHandler
    public void handle(UpgradeVip command, Clock clock) {
        Validate.required(command.tier(), "tier");
        Validate.multilineText(command.reason(), "reason", REASON_MAX);
        Validate.required(command.actor(), "actor");
        if (command.tier().compareTo(tier) <= 0) {
            throw new CommandRejectedException(ErrorCode.INVALID_TRANSITION,
                    "Customer " + customerId + " is " + tier + "; an upgrade must go above it", "tier");
        }
        apply(new VipUpgraded(customerId, tier, command.tier(), false, null, null, command.reason(),
                command.actor(), clock.instant()));
    }

    /**
     * The annual review (DOMAIN.md §2): the tier the rolling spend in the window ending now earns. Lower than the
     * current tier is a downgrade, even when the current tier was granted by hand above what spend earned: a
     * manual upgrade lasts until the next review. Otherwise the tier is retained; a review never upgrades.
     */
    @CommandHandler
    public void handle(ReviewTier command, TierPolicy tiers, Clock clock) {
        Validate.required(command.actor(), "actor");
        Instant now = clock.instant();
        BigDecimal rolling = tiers.rollingSpend(purchases.spendsWith(null), now);
        Tier earned = tiers.tierFor(rolling);
        Money qualifyingSpend = new Money(rolling, tiers.currency());
        if (earned.compareTo(tier) < 0) {
            apply(new VipDowngraded(customerId, tier, earned, tiers.version(), qualifyingSpend, command.actor(), now));
        } else {
            apply(new TierRetained(customerId, tier, tiers.version(), qualifyingSpend, command.actor(), now));
        }
    }

    @CommandHandler
    public void handle(RedeemPoints command, Clock clock) {
        if (command.points() <= 0) {
            throw Validate.invalid("points", "points must be above 0");
        }
        Validate.optionalMultilineText(command.reason(), "reason", REASON_MAX);
        Validate.required(command.actor(), "actor");
        if (command.points() > pointsBalance) {
            throw new CommandRejectedException(ErrorCode.INSUFFICIENT_POINTS, "Customer " + customerId + " has "
                    + pointsBalance + " points, fewer than " + command.points(), "points");
        }
        apply(new PointsRedeemed(customerId, command.points(), pointsBalance - command.points(), command.reason(),
                command.actor(), clock.instant()));
    }

    /** Recorded on the new customer's file; the referrer must be registered, and nobody refers themself. */
    @CommandHandler
    public void handle(RecordReferral command, KnownCustomers customers, Clock clock) {
        Validate.required(command.referredBy(), "referredBy");
        Validate.required(command.actor(), "actor");
        if (command.referredBy().equals(customerId)) {
            throw Validate.invalid("referredBy", "a customer cannot refer themself");
        }
        if (referredBy != null) {
            throw new CommandRejectedException(ErrorCode.ALREADY_EXISTS,
                    "Customer " + customerId + " was already referred by " + referredBy);
        }
        if (!customers.exists(command.referredBy())) {
            throw new CommandRejectedException(ErrorCode.NOT_FOUND,
                    "No customer " + command.referredBy() + " is registered", "referredBy");
        }
        apply(new ReferralRecorded(customerId, command.referredBy(), command.actor(), clock.instant()));
    }

    /** One answer per subject: a second survey of the same case or order would count the customer twice. */
    @CommandHandler
    public void handle(RecordSurveyResponse command, Clock clock) {
        Validate.required(command.responseId(), "responseId");
        if (command.csat() == null && command.nps() == null) {
            throw Validate.invalid("csat", "a survey response needs a CSAT or an NPS score, or both");
        }
        if (command.csat() != null && (command.csat() < 1 || command.csat() > 5)) {
            throw Validate.invalid("csat", "csat must be from 1 to 5");
        }
        if (command.nps() != null && (command.nps() < 0 || command.nps() > 10)) {
            throw Validate.invalid("nps", "nps must be from 0 to 10");
        }
        Validate.optionalMultilineText(command.comment(), "comment", COMMENT_MAX);
        Validate.required(command.actor(), "actor");
        if (command.comment() != null && !command.comment().isBlank()) {
            refuseIfErased("survey comments");
        }
        if (surveyResponses.contains(command.responseId())) {
            throw new CommandRejectedException(ErrorCode.ALREADY_EXISTS,
                    "Survey response " + command.responseId() + " is already recorded", "responseId");
        }
        if (command.subject() != null && surveyedSubjects.contains(command.subject())) {
            throw new CommandRejectedException(ErrorCode.ALREADY_EXISTS, "Customer " + customerId
                    + " already answered the survey on " + command.subject().kind() + " " + command.subject().id(),
                    "subjectId");
        }
        apply(new SurveyResponseRecorded(customerId, command.responseId(), command.subject(), command.csat(),
                command.nps(), command.comment(), command.actor(), clock.instant()));
    }

    /**
     * Crypto-shredding: the key goes first, then the erasure is recorded. A crash in between leaves the data
     * unreadable (every reader gets the placeholder) and the customer not yet marked erased, so a retry passes
     * the check below, shreds again (a no-op) and records the erasure. The other order could leave a recorded
     * erasure with the key still there. The birthday watch ends: there is no birthday any more.
     */
    @CommandHandler
    public void handle(EraseCustomerPersonalData command, PersonalDataKeys keys, DeadlineManager deadlines,
                       Clock clock) {
        Validate.text(command.reason(), "reason", REASON_MAX);
        Validate.required(command.actor(), "actor");
        if (personalDataErased) {
            throw new CommandRejectedException(ErrorCode.PERSONAL_DATA_ERASED,
                    "Customer " + customerId + "'s personal data was erased already", "customerId");
        }
        keys.shred(customerId);
        deadlines.cancelAllWithinScope(BIRTHDAY_DEADLINE);
        apply(new CustomerPersonalDataErased(customerId, command.reason().strip(), command.actor(), clock.instant()));
    }

    private void refuseIfErased(String what) {
        if (personalDataErased) {
            throw new CommandRejectedException(ErrorCode.PERSONAL_DATA_ERASED, "Customer " + customerId
                    + "'s personal data was erased; " + what + " cannot be recorded for them any more");
        }
    }

    /**
     * Plans the notice of the next birthday not yet announced: at the start of the local day {@code leadDays}
     * before it. When that moment has passed but the birthday has not (a birthday given a few days before it),
     * the notice is due at once rather than skipped for a year.
     */
    private static void scheduleBirthday(LocalDate dateOfBirth, LocalDate lastAnnounced, Instant now,
                                         MembershipPolicy membership, CarePolicy care, DeadlineManager deadlines) {
        LocalDate birthday = nextBirthday(dateOfBirth, care.today(now), lastAnnounced);
        Instant noticeAt = care.startOfDay(birthday.minusDays(membership.birthdayLeadDays()));
        deadlines.schedule(noticeAt.isBefore(now) ? now : noticeAt, BIRTHDAY_DEADLINE,
                new BirthdayDeadline(dateOfBirth, birthday));
    }

    /**
     * The first birthday on or after {@code today} that is later than {@code lastAnnounced}. Someone born on 29
     * February has their birthday on 28 February in other years.
     */
    static LocalDate nextBirthday(LocalDate dateOfBirth, LocalDate today, LocalDate lastAnnounced) {
        MonthDay monthDay = MonthDay.from(dateOfBirth);
        LocalDate birthday = monthDay.atYear(today.getYear());
        while (birthday.isBefore(today) || lastAnnounced != null && !birthday.isAfter(lastAnnounced)) {
            birthday = monthDay.atYear(birthday.getYear() + 1);
        }
        return birthday;
    }

    /**
     * Announces the coming birthday and plans next year's. Ignored when stale: the birthday was corrected since
     * (the correction planned its own notice) or this birthday was announced already. A notice that fires only
     * after the birthday (the scheduler was down) announces nothing and plans next year's.
     */
    @DeadlineHandler(deadlineName = BIRTHDAY_DEADLINE)
    void onBirthdayDeadline(BirthdayDeadline deadline, MembershipPolicy membership, CarePolicy care,
                            DeadlineManager deadlines, Clock clock) {
        if (!deadline.dateOfBirth().equals(profile.birthday())
                || lastBirthdayAnnounced != null && !deadline.birthday().isAfter(lastBirthdayAnnounced)) {
            return;
        }
        Instant now = clock.instant();
        long daysAway = ChronoUnit.DAYS.between(care.today(now), deadline.birthday());
        if (daysAway >= 0) {
            apply(new BirthdayApproaching(customerId, deadline.birthday(), (int) daysAway, StaffId.SYSTEM, now));
        }
        scheduleBirthday(profile.birthday(), lastBirthdayAnnounced, now, membership, care, deadlines);
    }

    private static void scheduleDormancy(Instant lastActivityAt, MembershipPolicy membership,
                                         DeadlineManager deadlines) {
        deadlines.schedule(lastActivityAt.plus(membership.dormancyPeriod()), DORMANCY_DEADLINE,
                new DormancyDeadline(lastActivityAt));
    }

    /**
     * A member without a purchase for the dormancy period becomes dormant, once per last activity. Stale when a
     * later purchase was recorded since. If the period was lengthened after this was planned, the watch is
     * re-planned with the current period instead.
     */
    @DeadlineHandler(deadlineName = DORMANCY_DEADLINE)
    void onDormancyDeadline(DormancyDeadline deadline, MembershipPolicy membership, DeadlineManager deadlines,
                            Clock clock) {
        Instant lastActivityAt = lastActivityAt();
        if (!deadline.lastActivityAt().equals(lastActivityAt) || lastActivityAt.equals(dormantAfterActivityAt)) {
            return;
        }
        Instant now = clock.instant();
        if (now.isBefore(lastActivityAt.plus(membership.dormancyPeriod()))) {
            scheduleDormancy(lastActivityAt, membership, deadlines);
            return;
        }
        apply(new CustomerBecameDormant(customerId, purchases.latestPurchaseAt(), membership.dormancyPeriod(),
                membership.version(), StaffId.SYSTEM, now));
    }

    /** The later of registration and the latest purchase made: what dormancy is counted from. */
    private Instant lastActivityAt() {
        Instant latestPurchaseAt = purchases.latestPurchaseAt();
        return latestPurchaseAt != null && latestPurchaseAt.isAfter(registeredAt) ? latestPurchaseAt : registeredAt;
    }

    @EventSourcingHandler
    void on(CustomerRegistered event) {
        customerId = event.customerId();
        profile = CustomerProfile.of(event);
        registeredAt = event.occurredAt();
        consents = event.consents() == null || event.consents().isEmpty()
                ? EnumSet.noneOf(ConsentPurpose.class) : EnumSet.copyOf(event.consents());
        tags = new HashSet<>();
        tier = event.tier();
        purchases = new PurchaseHistory();
        surveyResponses = new HashSet<>();
        surveyedSubjects = new HashSet<>();
    }

    @EventSourcingHandler
    void on(CustomerProfileUpdated event) {
        profile = profile.with(event);
    }

    @EventSourcingHandler
    void on(CustomerTagged event) {
        tags.add(event.tag());
    }

    @EventSourcingHandler
    void on(CustomerUntagged event) {
        tags.remove(event.tag());
    }

    @EventSourcingHandler
    void on(ConsentGiven event) {
        consents.add(event.purpose());
    }

    @EventSourcingHandler
    void on(ConsentWithdrawn event) {
        consents.remove(event.purpose());
    }

    @EventSourcingHandler
    void on(PurchaseRecorded event) {
        purchases.add(event);
        pointsBalance = event.pointsBalance();
    }

    @EventSourcingHandler
    void on(VipUpgraded event) {
        tier = event.to();
    }

    @EventSourcingHandler
    void on(VipDowngraded event) {
        tier = event.to();
    }

    @EventSourcingHandler
    void on(PointsRedeemed event) {
        pointsBalance = event.pointsBalance();
    }

    @EventSourcingHandler
    void on(ReferralRecorded event) {
        referredBy = event.referredBy();
    }

    @EventSourcingHandler
    void on(SurveyResponseRecorded event) {
        surveyResponses.add(event.responseId());
        if (event.subject() != null) {
            surveyedSubjects.add(event.subject());
        }
    }

    @EventSourcingHandler
    void on(BirthdayApproaching event) {
        lastBirthdayAnnounced = event.birthday();
    }

    @EventSourcingHandler
    void on(CustomerPersonalDataErased event) {
        personalDataErased = true;
        profile = profile.withoutPersonalData();
    }

    @EventSourcingHandler
    void on(CustomerBecameDormant event) {
        dormantAfterActivityAt = lastActivityAt();
    }
}
