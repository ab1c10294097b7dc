package io.careledger.query.cases;

import static io.careledger.query.cases.CaseStories.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.careledger.api.cases.CaseSnapshot;
import io.careledger.api.cases.GetCaseAsOf;
import io.careledger.api.cases.GetCaseHistory;
import io.careledger.api.cases.RecordedEvent;
import io.careledger.api.common.StaffId;
import io.careledger.api.complaint.ComplaintView;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.refund.RefundDeadline;
import io.careledger.api.refund.RefundEvent;
import io.careledger.api.refund.RefundStatus;
import io.careledger.api.refund.RefundView;
import io.careledger.api.complaint.ComplaintAcknowledged;
import io.careledger.api.complaint.ComplaintContactLogged;
import io.careledger.api.complaint.ComplaintEvent;
import io.careledger.api.complaint.ComplaintFiled;
import io.careledger.api.complaint.ComplaintId;
import io.careledger.api.complaint.ContactKind;
import io.careledger.api.complaint.Department;
import io.careledger.api.complaint.Severity;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

class CaseHistoryTest {
    private final EventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final Serializer serializer = Jackson3Serializer.builder().build();
    private final CaseHistory history = new CaseHistory(store, serializer);
    private final List<ComplaintEvent> story = CaseStories.lifecycle("c-1", T0);
    private final List<DomainEventMessage<ComplaintEvent>> stored = CaseStories.messages(story);

    CaseHistoryTest() {
        store.publish(stored);
    }

    @Test
    void theHistoryIsEveryStoredEventOldestFirstAsAnAuditorReadsIt() {
        List<RecordedEvent> events = history.handle(new GetCaseHistory("c-1"));

        assertThat(events).extracting(RecordedEvent::sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
        RecordedEvent filing = events.get(0);
        SerializedType storedType = serializer.typeForClass(ComplaintFiled.class);
        assertThat(filing.eventId()).isEqualTo(stored.get(0).getIdentifier());
        assertThat(filing.type()).isEqualTo(storedType.getName());
        assertThat(filing.revision()).isEqualTo("1");
        assertThat(filing.occurredAt()).isEqualTo(T0);
        assertThat(filing.actor()).isEqualTo("clerk-1");
        assertThat(filing.channel()).isEqualTo("HOTLINE");
        assertThat(filing.correlationId()).isEqualTo("correlation-c-1");
        assertThat(filing.causationId()).isEqualTo("cause-c-1-0");
        assertThat(filing.payload()).contains("\"complaintId\":\"c-1\"").contains("蛋糕发霉了");
        Object payload = serializer.deserialize(
                new SimpleSerializedObject<>(filing.payload(), String.class, storedType));
        assertThat(payload).isEqualTo(story.get(0));
        assertThat(events.get(1).actor()).isEqualTo(StaffId.SYSTEM.value());
    }

    @Test
    void theHistoryLeavesSnapshotsOut() {
        store.storeSnapshot(new GenericDomainEventMessage<>("Complaint", "c-1", 6, "aggregate state"));

        assertThat(history.handle(new GetCaseHistory("c-1"))).hasSize(story.size());
    }

    @Test
    void anUnknownCaseHasNoHistory() {
        assertThat(history.handle(new GetCaseHistory("c-404"))).isEmpty();
    }

    @Test
    void theCaseAsOfAMomentFoldsWhatHadHappenedByThen() {
        Instant at = T0.plus(Duration.ofSeconds(4 * 60 + 30));

        CaseSnapshot snapshot = history.handle(new GetCaseAsOf("c-1", at)).orElseThrow();

        assertThat(snapshot.at()).isEqualTo(at);
        assertThat(snapshot.eventCount()).isEqualTo(5);
        assertThat(snapshot.lastEventAt()).isEqualTo(T0.plus(Duration.ofMinutes(4)));
        assertThat(snapshot.caseView()).isEqualTo(CaseStories.fold(story.subList(0, 5)));
    }

    @Test
    void anEventAtExactlyThatMomentCounts() {
        CaseSnapshot snapshot = history.handle(new GetCaseAsOf("c-1", T0.plus(Duration.ofMinutes(3)))).orElseThrow();

        assertThat(snapshot.eventCount()).isEqualTo(4);
    }

    @Test
    void withoutAMomentTheCaseIsReplayedToItsLatestEvent() {
        CaseSnapshot snapshot = history.handle(new GetCaseAsOf("c-1", null)).orElseThrow();

        assertThat(snapshot.eventCount()).isEqualTo(story.size());
        assertThat(snapshot.at()).isEqualTo(snapshot.lastEventAt()).isEqualTo(story.get(12).occurredAt());
        assertThat(snapshot.caseView()).isEqualTo(CaseStories.fold(story));
    }

    @Test
    void beforeItsFilingThereIsNoCase() {
        assertThat(history.handle(new GetCaseAsOf("c-1", T0.minusMillis(1)))).isEmpty();
        assertThat(history.handle(new GetCaseAsOf("c-404", T0))).isEmpty();
    }

    @Test
    void aFactRecordedAfterTheMomentIsNotFoldedInEvenIfAClockSteppedBack() {
        ComplaintId id = ComplaintId.of("c-skew");
        ComplaintFiled filed = CaseStories.filed("c-skew", T0, "late", "store-1", Severity.LEVEL_1,
                Department.STORE_SERVICE_DESK);
        store.publish(CaseStories.messages(List.of(filed,
                new ComplaintAcknowledged(id, true, CaseStories.RESPONDER, T0.plus(Duration.ofMinutes(10))),
                new ComplaintContactLogged(id, ContactKind.NOTE, "clock behind", CaseStories.RESPONDER,
                        T0.plus(Duration.ofMinutes(5))))));

        CaseSnapshot snapshot = history.handle(new GetCaseAsOf("c-skew", T0.plus(Duration.ofMinutes(7)))).orElseThrow();

        assertThat(snapshot.eventCount()).isEqualTo(1);
        assertThat(((ComplaintView) snapshot.caseView()).contacts()).isEmpty();
    }

    @Test
    void aProjectionCanRefoldTheCaseThroughASequenceNumber() {
        assertThat(history.replayThrough("c-1", 7)).isEqualTo(CaseStories.fold(story.subList(0, 8)));
        assertThatThrownBy(() -> history.replayThrough("c-404", 3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("c-404");
    }

    @Test
    void aRefundHasItsHistoryAndItsStateAtAnyMoment() {
        CustomerId customer = CustomerId.of("c-9");
        List<RefundEvent> refund = RefundStories.breached("r-9", customer, RefundStories.T0);
        store.publish(RefundStories.messages(refund));

        assertThat(history.handle(new GetCaseHistory("r-9"))).extracting(RecordedEvent::sequence)
                .containsExactly(0L, 1L, 2L, 3L, 4L);
        Instant afterReviewBreach = refund.get(1).occurredAt().plusSeconds(1);
        CaseSnapshot snapshot = history.handle(new GetCaseAsOf("r-9", afterReviewBreach)).orElseThrow();
        assertThat(snapshot.eventCount()).isEqualTo(2);
        RefundView view = (RefundView) snapshot.caseView();
        assertThat(view.status()).isEqualTo(RefundStatus.AWAITING_REVIEW);
        assertThat(view.breachedDeadlines()).containsExactly(RefundDeadline.REVIEW);
        assertThat(history.handle(new GetCaseAsOf("r-9", null)).orElseThrow().caseView())
                .isEqualTo(RefundStories.fold(refund));
        assertThat(history.replayThrough("r-9", 2)).isEqualTo(RefundStories.fold(refund.subList(0, 3)));
    }
}
