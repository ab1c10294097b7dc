package io.careledger.query.timeline;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.careledger.api.care.CareTaskCompleted;
import io.careledger.api.care.CareTaskEvent;
import io.careledger.api.care.CareTaskOverdue;
import io.careledger.api.care.CareTaskScheduled;
import io.careledger.api.care.CareTaskSkipped;
import io.careledger.api.common.Money;
import io.careledger.api.common.OrderId;
import io.careledger.api.complaint.Compensation;
import io.careledger.api.complaint.ComplaintAcknowledged;
import io.careledger.api.complaint.ComplaintClosed;
import io.careledger.api.complaint.ComplaintContactLogged;
import io.careledger.api.complaint.ComplaintDeadlineMissed;
import io.careledger.api.complaint.ComplaintEscalated;
import io.careledger.api.complaint.ComplaintEvent;
import io.careledger.api.complaint.ComplaintFiled;
import io.careledger.api.complaint.ComplaintFollowedUp;
import io.careledger.api.complaint.ComplaintReopened;
import io.careledger.api.complaint.ComplaintResolved;
import io.careledger.api.complaint.ResolutionProposed;
import io.careledger.api.complaint.ResolutionRejected;
import io.careledger.api.customer.BirthdayApproaching;
import io.careledger.api.customer.ConsentGiven;
import io.careledger.api.customer.ConsentWithdrawn;
import io.careledger.api.customer.CustomerBecameDormant;
import io.careledger.api.customer.CustomerEvent;
import io.careledger.api.customer.CustomerPersonalDataErased;
import io.careledger.api.customer.CustomerProfileUpdated;
import io.careledger.api.customer.CustomerRegistered;
import io.careledger.api.customer.CustomerTagged;
import io.careledger.api.customer.CustomerUntagged;
import io.careledger.api.customer.PointsRedeemed;
import io.careledger.api.customer.ProfileNoteRecorded;
import io.careledger.api.customer.PurchaseRecorded;
import io.careledger.api.customer.ReferralRecorded;
import io.careledger.api.customer.SpendMilestoneReached;
import io.careledger.api.customer.SurveyResponseRecorded;
import io.careledger.api.customer.SurveySubject;
import io.careledger.api.customer.TierRetained;
import io.careledger.api.customer.VipDowngraded;
import io.careledger.api.customer.VipUpgraded;
import io.careledger.api.refund.RefundApproved;
import io.careledger.api.refund.RefundDeadlineMissed;
import io.careledger.api.refund.RefundEvent;
import io.careledger.api.refund.RefundPaid;
import io.careledger.api.refund.RefundRejected;
import io.careledger.api.refund.RefundRequested;
import io.careledger.api.repair.FreeCareRedeemed;
import io.careledger.api.repair.RepairCompleted;
import io.careledger.api.repair.RepairDeclaredUnrepairable;
import io.careledger.api.repair.RepairEvent;
import io.careledger.api.repair.RepairItemReturned;
import io.careledger.api.repair.RepairItemTakenIn;
import io.careledger.api.repair.RepairRegistered;
import io.careledger.api.repair.RepairStepLogged;
import io.careledger.api.timeline.TimelineEntryType;

/**
 * What a timeline shows of each event: its type, one readable line, and the amount, points, case and order
 * it carries. The line is an English template around the people's own words (a customer's description, a
 * note, a contact summary, a resolution), which may be Chinese, so the line is searchable in both:
 * {@code Complaint filed (FRESH_SPOILAGE, LEVEL_2): 蛋糕发霉了}. Pure, so live entries and a rebuild agree.
 * <p>
 * Every event type has its branch (Java 17 has no pattern switch); {@code TimelineSummariesTest} checks each
 * permitted subtype of the three sealed event interfaces against its own expected line.
 * <p>
 * Profile changes name the fields that changed, not their new values: the timeline is read widely, and the
 * values are on the customer's file for those allowed to see them.
 */
public final class TimelineSummaries {

    private TimelineSummaries() {
    }

    /** What the timeline shows of one event; null fields are absent from the entry. */
    public record Summary(TimelineEntryType type, String text, Money amount, Long points, String caseId,
                          OrderId orderId) {

        static Summary of(TimelineEntryType type, String text) {
            return new Summary(type, text, null, null, null, null);
        }
    }

    /** @throws IllegalArgumentException for an event that is no customer, complaint or care-task event */
    public static Summary of(Object event) {
        if (event instanceof CustomerEvent customer) {
            return customer(customer);
        }
        if (event instanceof ComplaintEvent complaint) {
            return complaint(complaint);
        }
        if (event instanceof CareTaskEvent task) {
            return careTask(task);
        }
        if (event instanceof RefundEvent refund) {
            return refund(refund);
        }
        if (event instanceof RepairEvent repair) {
            return repair(repair);
        }
        if (event instanceof FreeCareRedeemed care) {
            return new Summary(TimelineEntryType.REPAIR, "Free " + care.service() + " redeemed for " + care.sku()
                    + " (" + care.policyVersion() + ")", null, null, null, care.orderId());
        }
        throw new IllegalArgumentException("No timeline entry for " + event.getClass().getName());
    }

    static Summary customer(CustomerEvent event) {
        if (event instanceof CustomerRegistered registered) {
            return Summary.of(TimelineEntryType.REGISTRATION, "Registered " + registered.name() + " via "
                    + registered.channel() + ", home store " + registered.homeStoreId()
                    + consents(registered.consents()));
        }
        if (event instanceof CustomerProfileUpdated updated) {
            return Summary.of(TimelineEntryType.PROFILE, "Profile updated: " + changedFields(updated));
        }
        if (event instanceof ProfileNoteRecorded note) {
            return Summary.of(TimelineEntryType.NOTE, "Note (" + note.category() + "): " + note.text());
        }
        if (event instanceof CustomerTagged tagged) {
            return Summary.of(TimelineEntryType.TAG, "Tagged: " + tagged.tag());
        }
        if (event instanceof CustomerUntagged untagged) {
            return Summary.of(TimelineEntryType.TAG, "Tag removed: " + untagged.tag());
        }
        if (event instanceof ConsentGiven given) {
            return Summary.of(TimelineEntryType.CONSENT, "Consent given: " + given.purpose());
        }
        if (event instanceof ConsentWithdrawn withdrawn) {
            return Summary.of(TimelineEntryType.CONSENT, "Consent withdrawn: " + withdrawn.purpose());
        }
        if (event instanceof PurchaseRecorded purchase) {
            int items = purchase.lines() == null ? 0
                    : purchase.lines().stream().mapToInt(line -> line.quantity()).sum();
            return new Summary(TimelineEntryType.PURCHASE, "Purchase " + purchase.orderId() + " at "
                    + purchase.storeId() + " (" + purchase.channel() + "): " + items + " item" + (items == 1 ? "" : "s")
                    + ", " + money(purchase.total()) + ", +" + purchase.pointsEarned() + " points",
                    purchase.total(), purchase.pointsEarned(), null, purchase.orderId());
        }
        if (event instanceof VipUpgraded upgraded) {
            String why = upgraded.automatic()
                    ? "automatic, rolling spend " + money(upgraded.qualifyingSpend()) + ", tier policy "
                    + upgraded.tierPolicyVersion()
                    : "by hand: " + upgraded.reason();
            return new Summary(TimelineEntryType.TIER, "Tier upgraded " + upgraded.from() + " → " + upgraded.to()
                    + " (" + why + ")", upgraded.qualifyingSpend(), null, null, null);
        }
        if (event instanceof VipDowngraded downgraded) {
            return new Summary(TimelineEntryType.TIER, "Tier downgraded " + downgraded.from() + " → " + downgraded.to()
                    + " (rolling spend " + money(downgraded.qualifyingSpend()) + ", tier policy "
                    + downgraded.tierPolicyVersion() + ")", downgraded.qualifyingSpend(), null, null, null);
        }
        if (event instanceof TierRetained retained) {
            return new Summary(TimelineEntryType.TIER, "Tier " + retained.tier() + " retained (rolling spend "
                    + money(retained.qualifyingSpend()) + ", tier policy " + retained.tierPolicyVersion() + ")",
                    retained.qualifyingSpend(), null, null, null);
        }
        if (event instanceof PointsRedeemed redeemed) {
            return new Summary(TimelineEntryType.POINTS, "Redeemed " + redeemed.points() + " points, balance "
                    + redeemed.pointsBalance() + words(redeemed.reason()), null, -redeemed.points(), null, null);
        }
        if (event instanceof ReferralRecorded referral) {
            return Summary.of(TimelineEntryType.REFERRAL, "Referred by customer " + referral.referredBy());
        }
        if (event instanceof SpendMilestoneReached milestone) {
            return new Summary(TimelineEntryType.PURCHASE, "Spend milestone " + money(milestone.milestone())
                    + " reached (cumulative spend " + money(milestone.cumulativeSpend()) + ")",
                    milestone.milestone(), null, null, milestone.orderId());
        }
        if (event instanceof BirthdayApproaching birthday) {
            return Summary.of(TimelineEntryType.PROFILE, "Birthday in " + birthday.leadDays() + " days"
                    + (birthday.birthday() == null ? "" : " (" + birthday.birthday() + ")"));
        }
        if (event instanceof CustomerBecameDormant dormant) {
            return Summary.of(TimelineEntryType.TIER, "Dormant: no purchase since " + dormant.lastPurchaseAt()
                    + " (membership policy " + dormant.membershipPolicyVersion() + ")");
        }
        if (event instanceof CustomerPersonalDataErased erased) {
            return Summary.of(TimelineEntryType.PROFILE, "Personal data erased" + words(erased.reason()));
        }
        if (event instanceof SurveyResponseRecorded survey) {
            SurveySubject subject = survey.subject();
            List<String> scores = new ArrayList<>();
            if (survey.csat() != null) {
                scores.add("CSAT " + survey.csat() + "/5");
            }
            if (survey.nps() != null) {
                scores.add("NPS " + survey.nps() + "/10");
            }
            return new Summary(TimelineEntryType.SURVEY, "Survey response"
                    + (subject == null ? "" : " on " + subject.kind().name().toLowerCase() + " " + subject.id())
                    + (scores.isEmpty() ? "" : ": " + String.join(", ", scores)) + words(survey.comment()),
                    null, null,
                    subject != null && subject.kind() == SurveySubject.Kind.CASE ? subject.id() : null,
                    subject != null && subject.kind() == SurveySubject.Kind.ORDER ? OrderId.of(subject.id()) : null);
        }
        // Unreachable while every permitted CustomerEvent has a branch above (TimelineSummariesTest checks).
        throw new IllegalArgumentException("No timeline entry for " + event.getClass().getName());
    }

    static Summary complaint(ComplaintEvent event) {
        String caseId = event.caseId();
        if (event instanceof ComplaintFiled filed) {
            return new Summary(TimelineEntryType.COMPLAINT, "Complaint filed (" + filed.category() + ", "
                    + filed.severity() + "): " + filed.description(), null, null, caseId, filed.orderId());
        }
        String text;
        Money amount = null;
        if (event instanceof ComplaintAcknowledged acknowledged) {
            text = "Complaint acknowledged by " + acknowledged.by()
                    + (acknowledged.withinDeadline() ? " within the deadline" : " after the deadline");
        } else if (event instanceof ComplaintContactLogged contact) {
            text = "Contact (" + contact.kind() + "): " + contact.summary();
        } else if (event instanceof ComplaintDeadlineMissed missed) {
            text = "Deadline missed: " + missed.deadline() + " due " + missed.dueAt() + " (" + missed.severity() + ")";
        } else if (event instanceof ComplaintEscalated escalated) {
            text = "Escalated " + escalated.from() + " → " + escalated.to()
                    + (escalated.department() == null ? "" : " to " + escalated.department())
                    + (escalated.automatic() ? " (automatic, " + escalated.breachedDeadline() + " missed)" : "")
                    + words(escalated.reason());
        } else if (event instanceof ResolutionProposed proposed) {
            List<Compensation> compensation = proposed.compensation() == null ? List.of() : proposed.compensation();
            text = "Resolution proposed: " + proposed.resolution() + (compensation.isEmpty() ? ""
                    : "; compensation: " + compensation.stream().map(TimelineSummaries::compensation)
                    .collect(Collectors.joining(", ")));
            amount = total(compensation);
        } else if (event instanceof ResolutionRejected rejected) {
            text = "Resolution rejected" + words(rejected.note());
        } else if (event instanceof ComplaintResolved resolved) {
            text = "Complaint resolved" + (resolved.firstContactResolution() ? " at first contact" : "")
                    + words(resolved.note());
        } else if (event instanceof ComplaintFollowedUp followedUp) {
            text = "Follow-up: satisfaction " + followedUp.satisfaction() + "/5" + words(followedUp.comment());
        } else if (event instanceof ComplaintClosed closed) {
            text = "Complaint closed" + words(closed.reason());
        } else if (event instanceof ComplaintReopened reopened) {
            text = "Complaint reopened" + words(reopened.reason());
        } else {
            // Unreachable while every permitted ComplaintEvent has a branch above (TimelineSummariesTest checks).
            throw new IllegalArgumentException("No timeline entry for " + event.getClass().getName());
        }
        return new Summary(TimelineEntryType.COMPLAINT, text, amount, null, caseId, null);
    }

    /**
     * A refund linked to a complaint names it ("for complaint …"), so searching the timeline for the complaint's id
     * finds its compensation too.
     */
    static Summary refund(RefundEvent event) {
        String caseId = event.caseId();
        if (event instanceof RefundRequested requested) {
            return new Summary(TimelineEntryType.REFUND, "Refund requested (" + requested.reason() + ", "
                    + requested.method() + ")" + (requested.complaintId() == null ? ""
                    : " for complaint " + requested.complaintId()) + ": " + requested.lines().stream()
                    .map(line -> line.quantity() + " × " + line.sku()).collect(Collectors.joining(", ")),
                    requested.amount(), null, caseId, requested.orderId());
        }
        String text;
        Money amount = null;
        if (event instanceof RefundApproved approved) {
            text = "Refund approved " + (approved.automatic() ? "automatically" : "by " + approved.by()) + " ("
                    + approved.rule() + ", " + approved.policyVersion() + ")"
                    + (approved.coupon() == null ? "" : "; coupon " + money(approved.coupon().value())
                    + (approved.coupon().category() == null ? "" : " for " + approved.coupon().category()))
                    + words(approved.note());
            amount = approved.amount();
        } else if (event instanceof RefundRejected rejected) {
            text = "Refund rejected by " + rejected.by() + words(rejected.note());
        } else if (event instanceof RefundPaid paid) {
            text = (paid.exchange() ? "Exchanged for " + String.join(", ", paid.replacementItems())
                    : paid.instant() ? "Refund paid at once" : "Refund paid") + " (" + paid.paymentReference() + ")";
            amount = paid.amount();
        } else if (event instanceof RefundDeadlineMissed missed) {
            text = "Refund deadline missed: " + missed.deadline() + " due " + missed.dueAt();
        } else {
            // Unreachable while every permitted RefundEvent has a branch above (TimelineSummariesTest checks).
            throw new IllegalArgumentException("No timeline entry for " + event.getClass().getName());
        }
        return new Summary(TimelineEntryType.REFUND, text, amount, null, caseId, null);
    }

    static Summary repair(RepairEvent event) {
        String caseId = event.caseId();
        if (event instanceof RepairRegistered registered) {
            return new Summary(TimelineEntryType.REPAIR, "Repair registered (" + registered.material() + " "
                    + registered.sku() + ", " + registered.decision().path() + ", day "
                    + registered.decision().daysSinceSale() + " after the sale"
                    + (registered.decision().misuseSuspected() ? ", misuse suspected" : "") + "): "
                    + registered.fault(), null, null, caseId, registered.orderId());
        }
        String text;
        Money amount = null;
        if (event instanceof RepairItemTakenIn takenIn) {
            text = "Repair item taken in, goods receipt " + takenIn.goodsReceiptNumber();
        } else if (event instanceof RepairStepLogged logged) {
            text = "Repair step: " + logged.step();
        } else if (event instanceof RepairCompleted completed) {
            text = "Repair completed " + (completed.freeOfCharge() ? "free of charge"
                    : "for " + money(completed.fee()) + " (invoice " + completed.invoiceReference() + ")")
                    + words(completed.note());
            amount = completed.fee();
        } else if (event instanceof RepairDeclaredUnrepairable unrepairable) {
            text = "Repair impossible, paid exchange offered for " + money(unrepairable.depreciationFee())
                    + " (" + unrepairable.depreciationRate().movePointRight(2).stripTrailingZeros().toPlainString()
                    + "% at day " + unrepairable.daysSinceSale() + ")" + words(unrepairable.reason());
            amount = unrepairable.depreciationFee();
        } else if (event instanceof RepairItemReturned returned) {
            text = "Repair item returned to the customer"
                    + (returned.invoiceReference() == null ? "" : " (invoice " + returned.invoiceReference() + ")");
        } else {
            // Unreachable while every permitted RepairEvent has a branch above (TimelineSummariesTest checks).
            throw new IllegalArgumentException("No timeline entry for " + event.getClass().getName());
        }
        return new Summary(TimelineEntryType.REPAIR, text, amount, null, caseId, null);
    }

    static Summary careTask(CareTaskEvent event) {
        String text;
        if (event instanceof CareTaskScheduled scheduled) {
            text = "Care task scheduled: " + scheduled.kind() + " due " + scheduled.dueAt()
                    + (scheduled.assignee() == null ? "" : " for " + scheduled.assignee())
                    + (scheduled.channel() == null ? "" : " by " + scheduled.channel()) + words(scheduled.reason());
        } else if (event instanceof CareTaskSkipped skipped) {
            text = "Care task skipped (" + skipped.skipReason() + "): " + skipped.kind() + words(skipped.reason());
        } else if (event instanceof CareTaskOverdue overdue) {
            text = "Care task overdue: " + overdue.kind() + " was due " + overdue.dueAt()
                    + (overdue.assignee() == null ? "" : " for " + overdue.assignee());
        } else if (event instanceof CareTaskCompleted completed) {
            text = "Care task done: " + completed.kind() + ", " + completed.outcome()
                    + (completed.overdue() ? " (late)" : "")
                    + (completed.callbackAt() == null ? "" : ", call back at " + completed.callbackAt())
                    + words(completed.notes());
        } else {
            // Unreachable while every permitted CareTaskEvent has a branch above (TimelineSummariesTest checks).
            throw new IllegalArgumentException("No timeline entry for " + event.getClass().getName());
        }
        return Summary.of(TimelineEntryType.CARE_TASK, text);
    }

    private static String changedFields(CustomerProfileUpdated updated) {
        List<String> fields = new ArrayList<>();
        add(fields, "name", updated.name());
        add(fields, "phone", updated.phone());
        add(fields, "email", updated.email());
        add(fields, "gender", updated.gender());
        add(fields, "birthday", updated.birthday());
        add(fields, "address", updated.address());
        add(fields, "clothing size", updated.clothingSize());
        add(fields, "home store " + updated.homeStoreId(), updated.homeStoreId());
        add(fields, "preferred contact " + updated.preferredContact(), updated.preferredContact());
        return fields.isEmpty() ? "nothing" : String.join(", ", fields);
    }

    private static void add(List<String> fields, String name, Object value) {
        if (value != null) {
            fields.add(name);
        }
    }

    private static String consents(Set<?> consents) {
        return consents == null || consents.isEmpty() ? "" : ", consents " + consents.stream().map(String::valueOf)
                .sorted().collect(Collectors.joining(", "));
    }

    private static String compensation(Compensation item) {
        return item.kind() + (item.amount() == null ? "" : " " + money(item.amount()))
                + (item.description() == null || item.description().isBlank() ? "" : " (" + item.description() + ")");
    }

    /** The compensation's money in one sum, when it is all in one currency; null otherwise. */
    private static Money total(List<Compensation> compensation) {
        List<Money> amounts = compensation.stream().map(Compensation::amount).filter(amount -> amount != null)
                .collect(Collectors.toList());
        if (amounts.isEmpty() || amounts.stream().map(Money::currency).distinct().count() > 1) {
            return null;
        }
        BigDecimal sum = amounts.stream().map(Money::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Money(sum, amounts.get(0).currency());
    }

    private static String money(Money money) {
        return money == null ? "?" : money.amountText() + " " + money.currency();
    }

    /** People's own words after the template, when there are any. */
    private static String words(String text) {
        return text == null || text.isBlank() ? "" : ": " + text;
    }
}
