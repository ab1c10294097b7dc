package io.careledger.query.care;

import static io.careledger.query.care.CareStories.CARER;
import static io.careledger.query.care.CareStories.STORE;
import static io.careledger.query.care.CareStories.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.careledger.api.care.CareOutcome;
import io.careledger.api.care.CareSkipReason;
import io.careledger.api.care.CareTaskEvent;
import io.careledger.api.care.CareTaskId;
import io.careledger.api.care.CareTaskKind;
import io.careledger.api.care.CareTaskScheduled;
import io.careledger.api.care.CareTaskStatus;
import io.careledger.api.care.CareTaskView;
import io.careledger.api.common.StaffId;
import io.careledger.api.customer.ContactChannel;
import io.careledger.api.customer.CustomerId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CareTaskFoldTest {
    private static final List<CareTaskEvent> followUp = CareStories.followUp("t-1", "c-1", T0);
    private static final CareTaskScheduled scheduled = (CareTaskScheduled) followUp.get(0);

    @Test
    void theStoriesHaveEveryKindOfCareTaskEvent() {
        assertThat(Stream.concat(followUp.stream(), Stream.of(CareStories.skipped("t-2", "c-1",
                        CareTaskKind.BIRTHDAY_MESSAGE, T0))).map(Object::getClass).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(CareTaskEvent.class.getPermittedSubclasses());
    }

    /** Each event of a task's life: the status it leads to, and the view it makes. */
    static Stream<Arguments> table() {
        Duration week = Duration.ofDays(7);
        CareTaskView open = new CareTaskView(CareTaskId.of("t-1"), CustomerId.of("c-1"),
                CareTaskKind.PURCHASE_FOLLOW_UP, CareTaskStatus.OPEN, T0.plus(week), CARER, STORE, null,
                "一周回访 one week after the purchase", "order-t-1", null, null, null, null, null, null, T0, 0);
        CareTaskView overdue = new CareTaskView(open.id(), open.customerId(), open.kind(), CareTaskStatus.OVERDUE,
                open.dueAt(), CARER, STORE, null, open.reason(), open.subjectRef(), null, null, null, null, null, null,
                T0, 1);
        CareTaskView done = new CareTaskView(open.id(), open.customerId(), open.kind(), CareTaskStatus.DONE,
                open.dueAt(), CARER, STORE, null, open.reason(), open.subjectRef(), null, CareOutcome.CALLBACK_AGREED,
                "顾客问洗涤方法 asked how to wash it", T0.plus(week).plus(Duration.ofDays(2)), CARER,
                T0.plus(week).plus(Duration.ofHours(3)), T0, 2);
        CareTaskView skipped = new CareTaskView(CareTaskId.of("t-2"), CustomerId.of("c-1"),
                CareTaskKind.BIRTHDAY_MESSAGE, CareTaskStatus.SKIPPED, null, null, STORE, null, "birthday greeting",
                "birthday-t-2", CareSkipReason.NO_CONSENT, null, null, null, null, null, T0, 0);
        return Stream.of(
                Arguments.of("scheduled → OPEN", null, followUp.get(0), 0L, open),
                Arguments.of("overdue → OVERDUE", open, followUp.get(1), 1L, overdue),
                Arguments.of("completed while overdue → DONE", overdue, followUp.get(2), 2L, done),
                Arguments.of("skipped → SKIPPED", null, CareStories.skipped("t-2", "c-1",
                        CareTaskKind.BIRTHDAY_MESSAGE, T0), 0L, skipped));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void eachEventLeadsToItsStatus(String name, CareTaskView before, CareTaskEvent event, long sequence,
                                   CareTaskView after) {
        assertThat(CareTaskFold.apply(before, event, sequence)).isEqualTo(after);
    }

    @Test
    void aMessageTaskGoesOutOnTheChannelItWasScheduledFor() {
        CareTaskView view = CareTaskFold.apply(null, CareStories.scheduled("t-3", "c-1", CareTaskKind.THANK_YOU_MESSAGE,
                T0, StaffId.SYSTEM, T0), 0);

        assertThat(view.channel()).isEqualTo(ContactChannel.SMS);
        assertThat(view.status()).isEqualTo(CareTaskStatus.OPEN);
    }

    @Test
    void anOpenTaskCompletedInTimeIsDone() {
        CareTaskView view = CareStories.fold(List.of(scheduled, CareStories.completed(scheduled, CareOutcome.REACHED,
                "fits well", null, false, StaffId.of("staff-4"), T0.plus(Duration.ofDays(1)))));

        assertThat(view.status()).isEqualTo(CareTaskStatus.DONE);
        assertThat(view.completedBy()).isEqualTo(StaffId.of("staff-4"));
        assertThat(view.completedAt()).isEqualTo(T0.plus(Duration.ofDays(1)));
        assertThat(view.version()).isEqualTo(1);
    }

    @Test
    void aDeadlineFiringAfterTheTaskWasDoneLeavesItDone() {
        CareTaskView done = CareStories.fold(List.of(scheduled, followUp.get(2)));

        CareTaskView view = CareTaskFold.apply(done, followUp.get(1), 2);

        assertThat(view.status()).isEqualTo(CareTaskStatus.DONE);
        assertThat(view.version()).isEqualTo(2);
    }

    @Test
    void anEventOfATaskNeverScheduledIsAnError() {
        assertThatThrownBy(() -> CareTaskFold.apply(null, followUp.get(1), 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("t-1");
    }
}
