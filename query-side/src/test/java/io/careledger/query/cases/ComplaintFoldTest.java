package io.careledger.query.cases;

import static io.careledger.query.cases.CaseStories.COLLEAGUE;
import static io.careledger.query.cases.CaseStories.RESPONDER;
import static io.careledger.query.cases.CaseStories.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import io.careledger.api.common.Money;
import io.careledger.api.common.StaffId;
import io.careledger.api.complaint.CompensationKind;
import io.careledger.api.complaint.ComplaintAcknowledged;
import io.careledger.api.complaint.ComplaintEvent;
import io.careledger.api.complaint.ComplaintFiled;
import io.careledger.api.complaint.ComplaintId;
import io.careledger.api.complaint.ComplaintResolved;
import io.careledger.api.complaint.ComplaintStatus;
import io.careledger.api.complaint.ComplaintView;
import io.careledger.api.complaint.ContactKind;
import io.careledger.api.complaint.DeadlineKind;
import io.careledger.api.complaint.Department;
import io.careledger.api.complaint.Severity;
import org.junit.jupiter.api.Test;

class ComplaintFoldTest {
    private final List<ComplaintEvent> story = CaseStories.lifecycle("c-1", T0);

    @Test
    void theStoryHasEveryKindOfComplaintEvent() {
        assertThat(story.stream().map(Object::getClass).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(ComplaintEvent.class.getPermittedSubclasses());
    }

    @Test
    void filedStartsTheViewWithEverythingTheFilingSays() {
        ComplaintFiled filed = (ComplaintFiled) story.get(0);

        ComplaintView view = ComplaintFold.apply(null, filed, 0);

        assertThat(view).isEqualTo(new ComplaintView(filed.complaintId(), filed.customerId(), filed.channel(),
                filed.category(), "蛋糕发霉了", filed.transcript(), filed.storeId(), filed.orderId(), Severity.LEVEL_2,
                Department.STORE_OPERATIONS, ComplaintStatus.FILED, CaseStories.CLERK, null, T0,
                T0.plus(Duration.ofHours(4)), null, null, null, false, List.of(), 0, List.of(), null, List.of(), 0,
                null, null, 0, 0, T0));
    }

    @Test
    void aMissedDeadlineMarksTheBreach() {
        ComplaintView view = upTo(1);

        assertThat(view.slaBreached()).isTrue();
        assertThat(view.breachedDeadlines()).containsExactly(DeadlineKind.FIRST_RESPONSE);
        assertThat(view.status()).isEqualTo(ComplaintStatus.FILED);
    }

    @Test
    void anEscalationRaisesSeverityReroutesAndMovesTheDeadline() {
        ComplaintView view = upTo(2);

        assertThat(view.severity()).isEqualTo(Severity.LEVEL_3);
        assertThat(view.department()).isEqualTo(Department.HEAD_OFFICE_AFTER_SALES);
        assertThat(view.responseDueAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)).plus(Duration.ofHours(24)));
        assertThat(view.escalationCount()).isEqualTo(1);
    }

    @Test
    void theFirstResponderOwnsTheComplaint() {
        ComplaintView view = upTo(3);

        assertThat(view.status()).isEqualTo(ComplaintStatus.ACKNOWLEDGED);
        assertThat(view.owner()).isEqualTo(RESPONDER);
        assertThat(view.firstRespondedAt()).isEqualTo(T0.plus(Duration.ofMinutes(3)));
    }

    @Test
    void aContactIsRecordedAndStartsTheWork() {
        ComplaintView view = upTo(4);

        assertThat(view.status()).isEqualTo(ComplaintStatus.IN_PROGRESS);
        assertThat(view.contacts()).singleElement().satisfies(contact -> {
            assertThat(contact.kind()).isEqualTo(ContactKind.APOLOGISE);
            assertThat(contact.summary()).isEqualTo("向顾客道歉 apologised on the phone");
            assertThat(contact.by()).isEqualTo(RESPONDER);
            assertThat(contact.at()).isEqualTo(T0.plus(Duration.ofMinutes(4)));
        });
    }

    @Test
    void aContactBeforeTheAcknowledgementLeavesTheStatus() {
        ComplaintView filed = upTo(0);

        ComplaintView view = ComplaintFold.apply(filed, story.get(4), 1);

        assertThat(view.status()).isEqualTo(ComplaintStatus.FILED);
        assertThat(view.contacts()).hasSize(1);
    }

    @Test
    void aProposalCarriesItsResolutionAndCompensation() {
        ComplaintView view = upTo(5);

        assertThat(view.status()).isEqualTo(ComplaintStatus.RESOLUTION_PROPOSED);
        assertThat(view.resolution()).isEqualTo("Refund the cake");
        assertThat(view.compensation()).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo(CompensationKind.REFUND);
            assertThat(item.amount()).isEqualTo(Money.of("12.50", "CNY"));
        });
    }

    @Test
    void aRejectionSendsTheWorkBack() {
        ComplaintView view = upTo(6);

        assertThat(view.status()).isEqualTo(ComplaintStatus.IN_PROGRESS);
        assertThat(view.rejectedResolutions()).isEqualTo(1);
    }

    @Test
    void aSecondProposalReplacesTheFirst() {
        ComplaintView view = upTo(7);

        assertThat(view.resolution()).isEqualTo("Refund and a coupon, store manager calls back");
        assertThat(view.compensation()).extracting(item -> item.kind())
                .containsExactly(CompensationKind.REFUND, CompensationKind.COUPON, CompensationKind.GIFT);
    }

    @Test
    void resolvingRecordsWhenAndWhetherAtFirstContact() {
        ComplaintView view = upTo(8);

        assertThat(view.status()).isEqualTo(ComplaintStatus.RESOLVED);
        assertThat(view.resolvedAt()).isEqualTo(T0.plus(Duration.ofMinutes(8)));
        assertThat(view.firstContactResolution()).isFalse();
    }

    @Test
    void theFollowUpRecordsSatisfaction() {
        ComplaintView view = upTo(9);

        assertThat(view.status()).isEqualTo(ComplaintStatus.FOLLOWED_UP);
        assertThat(view.satisfaction()).isEqualTo(4);
    }

    @Test
    void closing() {
        ComplaintView view = upTo(10);

        assertThat(view.status()).isEqualTo(ComplaintStatus.CLOSED);
        assertThat(view.closedAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
    }

    @Test
    void reopeningClearsTheClosingAndCountsIt() {
        ComplaintView view = upTo(11);

        assertThat(view.status()).isEqualTo(ComplaintStatus.REOPENED);
        assertThat(view.closedAt()).isNull();
        assertThat(view.reopenCount()).isEqualTo(1);
    }

    @Test
    void aReopenedCaseIsNoLongerResolvedAtFirstContact() {
        ComplaintView resolvedAtOnce = ComplaintFold.apply(upTo(10), new ComplaintResolved(
                ComplaintId.of("c-1"), "ok", true, T0, RESPONDER, T0.plus(Duration.ofHours(1))), 11);

        ComplaintView view = ComplaintFold.apply(resolvedAtOnce, story.get(11), 12);

        assertThat(resolvedAtOnce.firstContactResolution()).isTrue();
        assertThat(view.firstContactResolution()).isFalse();
    }

    @Test
    void aContactOnAReopenedCaseResumesTheWork() {
        ComplaintView view = upTo(12);

        assertThat(view.status()).isEqualTo(ComplaintStatus.IN_PROGRESS);
        assertThat(view.contacts()).extracting(contact -> contact.by()).containsExactly(RESPONDER, COLLEAGUE);
    }

    @Test
    void everyEventSetsVersionAndUpdateTime() {
        for (int sequence = 0; sequence < story.size(); sequence++) {
            ComplaintView view = upTo(sequence);

            assertThat(view.version()).isEqualTo(sequence);
            assertThat(view.updatedAt()).isEqualTo(story.get(sequence).occurredAt());
        }
    }

    @Test
    void foldingDoesNotChangeThePreviousView() {
        ComplaintView before = upTo(3);
        ComplaintView copy = upTo(3);

        ComplaintFold.apply(before, story.get(4), 4);

        assertThat(before).isEqualTo(copy);
        assertThat(before.contacts()).isEmpty();
    }

    @Test
    void anEventOfAComplaintNeverFiledIsRefused() {
        ComplaintAcknowledged orphan = new ComplaintAcknowledged(ComplaintId.of("c-2"), true, StaffId.of("s"), T0);

        assertThatThrownBy(() -> ComplaintFold.apply(null, orphan, 3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("c-2")
                .hasMessageContaining("never filed");
    }

    private ComplaintView upTo(int lastSequence) {
        return CaseStories.fold(story.subList(0, lastSequence + 1));
    }
}
