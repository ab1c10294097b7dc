package io.careledger.query.care;

import static io.careledger.query.care.CareStories.CARER;
import static io.careledger.query.care.CareStories.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.careledger.api.care.CareOutcome;
import io.careledger.api.care.CareTaskEvent;
import io.careledger.api.care.CareTaskId;
import io.careledger.api.care.CareTaskKind;
import io.careledger.api.care.CareTaskPage;
import io.careledger.api.care.CareTaskScheduled;
import io.careledger.api.care.CareTaskStatus;
import io.careledger.api.care.CareTaskView;
import io.careledger.api.care.FindCareTask;
import io.careledger.api.care.SearchCareTasks;
import io.careledger.api.common.InvalidValueException;
import io.careledger.api.common.StaffId;
import io.careledger.api.customer.CustomerId;
import io.careledger.query.elasticsearch.TestElasticsearch;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The care-task projection (idempotent, refolds on a gap) and the task search, against the real index. */
class CareTaskIT {
    private static final ElasticsearchClient client = TestElasticsearch.client();
    private static final CareTaskIndex index = new CareTaskIndex(client, "it-care-tasks");
    private static final EventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private static final CareTaskProjection projection = new CareTaskProjection(index, store);
    /** The projection tests' own index, so their tasks stay out of the searches below. */
    private static final CareTaskIndex scratch = new CareTaskIndex(client, "it-care-tasks-scratch");
    private static final CareTaskProjection scratchProjection = new CareTaskProjection(scratch, store);
    private static final CareTaskQueries queries = new CareTaskQueries(client, index, store);
    private static final Map<String, CareTaskView> views = new HashMap<>();
    private static final int PAGED = 31;
    private static final CustomerId PAGED_CUSTOMER = CustomerId.of("c-paged");
    private static final StaffId COLLEAGUE = StaffId.of("staff-4");

    @BeforeAll
    static void projectTasks() throws IOException {
        index.ensureExists();
        scratch.ensureExists();
        CareTaskScheduled open = CareStories.scheduled("ct-open", "c-1", CareTaskKind.PURCHASE_FOLLOW_UP,
                T0.plus(Duration.ofDays(1)), CARER, T0);
        CareTaskScheduled late = CareStories.scheduled("ct-overdue", "c-1", CareTaskKind.CALLBACK,
                T0.plus(Duration.ofDays(2)), CARER, T0);
        CareTaskScheduled done = CareStories.scheduled("ct-done", "c-2", CareTaskKind.SATISFACTION_FOLLOW_UP,
                T0.plus(Duration.ofDays(3)), COLLEAGUE, T0);
        project(List.of(open));
        project(List.of(late, CareStories.overdue(late, late.dueAt())));
        project(List.of(done, CareStories.completed(done, CareOutcome.REACHED, "满意 satisfied", null, false, COLLEAGUE,
                T0.plus(Duration.ofDays(2)))));
        project(List.of(CareStories.skipped("ct-skipped", "c-2", CareTaskKind.BIRTHDAY_MESSAGE, T0)));
        for (int i = 0; i < PAGED; i++) {
            // Three tasks share each due time, so the id has to break the ties.
            project(List.of(CareStories.scheduled(String.format("ct-p%03d", i), PAGED_CUSTOMER.value(),
                    CareTaskKind.PURCHASE_FOLLOW_UP, T0.minus(Duration.ofDays(30)).plus(Duration.ofHours(i / 3)),
                    StaffId.of("staff-p"), T0)));
        }
        index.refresh();
    }

    @Test
    void duplicatesAndAnyOrderConvergeOnTheInOrderTask() throws IOException {
        List<CareTaskEvent> story = CareStories.followUp("ct-shuffled", "c-9", T0);
        List<DomainEventMessage<CareTaskEvent>> messages = CareStories.messages(story);
        store.publish(messages);
        List<DomainEventMessage<CareTaskEvent>> delivery = new ArrayList<>(messages);
        delivery.addAll(messages);
        Collections.shuffle(delivery, new Random(7));

        for (DomainEventMessage<CareTaskEvent> message : delivery) {
            scratchProjection.on(message.getPayload(), message.getSequenceNumber());
        }

        assertThat(scratch.get(scratch.readAlias(), "ct-shuffled")).contains(CareStories.fold(story));
    }

    @Test
    void aGapIsFilledFromTheEventStore() throws IOException {
        List<CareTaskEvent> story = CareStories.followUp("ct-gap", "c-9", T0);
        List<DomainEventMessage<CareTaskEvent>> messages = CareStories.messages(story);
        store.publish(messages);

        scratchProjection.on(messages.get(2).getPayload(), 2);

        CareTaskView task = scratch.get(scratch.readAlias(), "ct-gap").orElseThrow();
        assertThat(task).isEqualTo(CareStories.fold(story));
        assertThat(task.status()).isEqualTo(CareTaskStatus.DONE);
    }

    @Test
    void findCareTaskReplaysTheStoredEvents() {
        assertThat(queries.handle(new FindCareTask(CareTaskId.of("ct-overdue")))).contains(views.get("ct-overdue"));
        assertThat(queries.handle(new FindCareTask(CareTaskId.of("ct-none")))).isEmpty();
    }

    @Test
    void filtersOnStatus() throws IOException {
        assertThat(ids(criteria().status(CareTaskStatus.OPEN).customer(CustomerId.of("c-1")))).containsExactly("ct-open");
        assertThat(ids(criteria().status(CareTaskStatus.OVERDUE))).containsExactly("ct-overdue");
        assertThat(ids(criteria().status(CareTaskStatus.DONE))).containsExactly("ct-done");
        assertThat(ids(criteria().status(CareTaskStatus.SKIPPED))).containsExactly("ct-skipped");
        CareTaskPage open = queries.handle(criteria().status(CareTaskStatus.OPEN).build());
        assertThat(open.totalCount()).isEqualTo(PAGED + 1);
        assertThat(open.hits()).extracting(hit -> hit.task().status()).containsOnly(CareTaskStatus.OPEN);
    }

    @Test
    void filtersOnAssigneeAndCustomer() throws IOException {
        assertThat(ids(criteria().assignee(CARER))).containsExactly("ct-open", "ct-overdue");
        assertThat(ids(criteria().assignee(COLLEAGUE))).containsExactly("ct-done");
        assertThat(ids(criteria().customer(CustomerId.of("c-2")))).as("the skipped one, without a due time, last")
                .containsExactly("ct-done", "ct-skipped");
        assertThat(ids(criteria().customer(CustomerId.of("c-1")).status(CareTaskStatus.OVERDUE)))
                .containsExactly("ct-overdue");
    }

    @Test
    void dueBeforeIsExclusiveAndLeavesOutTasksWithoutADueTime() throws IOException {
        Instant overdueDue = T0.plus(Duration.ofDays(2));

        assertThat(ids(criteria().assignee(CARER).dueBefore(overdueDue))).containsExactly("ct-open");
        assertThat(ids(criteria().assignee(CARER).dueBefore(overdueDue.plusMillis(1))))
                .containsExactly("ct-open", "ct-overdue");
        assertThat(ids(criteria().customer(CustomerId.of("c-2")).dueBefore(T0.plus(Duration.ofDays(30)))))
                .as("a skipped task has no due time").containsExactly("ct-done");
        assertThat(ids(criteria().assignee(CARER).dueBefore(T0.plus(Duration.ofDays(1)))))
                .as("due at that very moment is not before it").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 30, 100})
    void cursorsPageThroughEveryTaskOnceEarliestDueFirst(int pageSize) throws IOException {
        List<String> expected = views.values().stream()
                .filter(view -> view.customerId().equals(PAGED_CUSTOMER))
                .sorted(Comparator.comparing(CareTaskView::dueAt).thenComparing(view -> view.id().value()))
                .map(view -> view.id().value())
                .collect(Collectors.toList());
        List<String> seen = new ArrayList<>();
        String after = null;
        CareTaskPage page;
        do {
            page = queries.handle(criteria().customer(PAGED_CUSTOMER).first(pageSize).after(after).build());
            assertThat(page.totalCount()).isEqualTo(PAGED);
            assertThat(page.hits()).hasSizeLessThanOrEqualTo(pageSize);
            page.hits().forEach(hit -> seen.add(hit.task().id().value()));
            after = page.endCursor();
        } while (page.hasNextPage());

        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void thePageSizeIsClampedAndTheTotalCounted() throws IOException {
        CareTaskPage huge = queries.handle(criteria().first(10_000).build());
        CareTaskPage none = queries.handle(criteria().first(0).build());

        assertThat(huge.hits()).hasSizeLessThanOrEqualTo(SearchCareTasks.MAX_PAGE_SIZE);
        assertThat(huge.totalCount()).isGreaterThanOrEqualTo(PAGED + 4);
        assertThat(none.hits()).hasSize(1);
        assertThat(none.hasNextPage()).isTrue();
    }

    @Test
    void aForeignCursorIsAnInvalidValue() {
        assertThatThrownBy(() -> queries.handle(criteria().after("bm9uc2Vuc2U").build()))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("after"));
    }

    @Test
    void aHitIsTheWholeTask() throws IOException {
        CareTaskPage page = queries.handle(criteria().status(CareTaskStatus.DONE).build());

        assertThat(page.hits()).extracting(CareTaskPage.Hit::task).containsExactly(views.get("ct-done"));
    }

    private static void project(List<? extends CareTaskEvent> story) throws IOException {
        List<DomainEventMessage<CareTaskEvent>> messages = CareStories.messages(story);
        store.publish(messages);
        for (DomainEventMessage<CareTaskEvent> message : messages) {
            projection.on(message.getPayload(), message.getSequenceNumber());
        }
        CareTaskView view = CareStories.fold(story);
        views.put(view.id().value(), view);
    }

    private static List<String> ids(Criteria criteria) throws IOException {
        return queries.handle(criteria.build()).hits().stream().map(hit -> hit.task().id().value())
                .collect(Collectors.toList());
    }

    private static Criteria criteria() {
        return new Criteria();
    }

    private static final class Criteria {
        private StaffId assignee;
        private CareTaskStatus status;
        private Instant dueBefore;
        private CustomerId customer;
        private int first = SearchCareTasks.MAX_PAGE_SIZE;
        private String after;

        Criteria assignee(StaffId value) { assignee = value; return this; }
        Criteria status(CareTaskStatus value) { status = value; return this; }
        Criteria dueBefore(Instant value) { dueBefore = value; return this; }
        Criteria customer(CustomerId value) { customer = value; return this; }
        Criteria first(int value) { first = value; return this; }
        Criteria after(String value) { after = value; return this; }

        SearchCareTasks build() {
            return new SearchCareTasks(assignee, status, dueBefore, customer, first, after);
        }
    }
}
