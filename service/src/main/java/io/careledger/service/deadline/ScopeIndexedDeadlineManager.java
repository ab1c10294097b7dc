package io.careledger.service.deadline;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import javax.annotation.Nonnull;
import javax.annotation.Nullable;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.tracing.Span;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.axonframework.deadline.GenericDeadlineMessage.asDeadlineMessage;

/**
 * Axon's db-scheduler deadline manager, with deadlines found by their key instead of by a scan.
 *
 * <p>Axon's {@code cancelAllWithinScope} fetches every open deadline of every aggregate, Java-deserializes each and
 * compares name and scope in memory: each acknowledgement cost time proportional to all open deadlines (66% of
 * the mutation time in the throughput benchmark, 25 mutations/s with 8 clients against 3,121 raw appends/s). Here
 * a deadline's task instance id carries its name and scope ({@link DeadlineInstanceIds}), and cancelling reads
 * only the ids with that prefix, a range of the primary key, on the command's connection and in its transaction
 * (the {@link JdbcTemplate} and the scheduler share the transaction-bound connection), then cancels each through
 * the scheduler after checking name and scope against its stored data as Axon does.
 *
 * <p>Everything else is Axon's: firing (the {@code binaryTask} of Axon's auto-configuration finds this bean as the
 * {@link DbSchedulerDeadlineManager}), dispatch and handler interceptors, spans, the stored
 * {@link DbSchedulerBinaryDeadlineDetails}, and cancelling on prepare-commit of the unit of work.
 *
 * <p>Deadlines scheduled before this format have Axon's random ids and can only be found by Axon's scan. Whether
 * such rows exist is read once, on the first cancel; while they do, every cancel also runs the scan. A scan that
 * meets none of them re-reads the table, and the scan stops for good once the last is gone (they fire or are
 * cancelled; no new ones are made). A service instance still on the old code during a rolling upgrade could add
 * one after that check; the deadline handlers ignore a deadline whose case has moved on, so it would fire harmlessly.
 */
public class ScopeIndexedDeadlineManager extends DbSchedulerDeadlineManager {
    private static final Logger log = LoggerFactory.getLogger(ScopeIndexedDeadlineManager.class);
    /** Axon's task name for deadlines ({@code DbSchedulerDeadlineToken.TASK_NAME} is package-private). */
    static final String TASK_NAME = new DbSchedulerDeadlineToken("").getTaskName();
    private static final TaskDescriptor<DbSchedulerBinaryDeadlineDetails> TASK =
            TaskDescriptor.of(TASK_NAME, DbSchedulerBinaryDeadlineDetails.class);

    private final Scheduler scheduler;
    private final Serializer serializer;
    private final DeadlineManagerSpanFactory spanFactory;
    private final JdbcTemplate jdbc;
    private final String idsInRange;
    private final String legacyCount;
    /** Whether rows with Axon's random ids may exist; {@code null} until first read. */
    private final AtomicReference<Boolean> legacyRows = new AtomicReference<>();

    /**
     * @param builder     Axon's builder, with the same scheduler, serializer and span factory as given here (its
     *                    fields are private to Axon's class)
     * @param jdbc        on the data source the scheduler writes to, so both join the command's transaction
     * @param tableName   the scheduler's table
     */
    public ScopeIndexedDeadlineManager(Builder builder, Scheduler scheduler, Serializer serializer,
                                       DeadlineManagerSpanFactory spanFactory, JdbcTemplate jdbc, String tableName) {
        super(builder);
        this.scheduler = scheduler;
        this.serializer = serializer;
        this.spanFactory = spanFactory;
        this.jdbc = jdbc;
        String rangeCondition = isPostgreSql(jdbc)
                // ~>=~ and ~<~ compare byte-wise like the text_pattern_ops index of migration V4, whatever the
                // database's collation (under en_US, '#' and '@' are nearly ignored by < and > and a prefix is
                // no longer one range); they stay index range conditions in a generic prepared plan, which
                // LIKE ? does not.
                ? "task_instance ~>=~ ? AND task_instance ~<~ ?"
                // H2 compares VARCHAR by code unit: the primary key's order, so the range is a key range.
                : "task_instance >= ? AND task_instance < ?";
        this.idsInRange = "SELECT task_instance FROM " + tableName + " WHERE task_name = ? AND " + rangeCondition
                + " AND picked = FALSE";
        this.legacyCount = "SELECT COUNT(*) FROM " + tableName
                + " WHERE task_name = ? AND task_instance NOT LIKE '%@%#%'";
    }

    /**
     * Axon's schedule, with the task id made here (Axon draws it inside a private method). The scope is serialized
     * on prepare-commit, as Axon does: a deadline scheduled in an aggregate's constructor has a scope whose
     * identifier is known only once the constructor's events are applied. So the id returned is the deadline's
     * unique part (a UUID, as Axon's), and the stored id is {@code <name>@<scope key>#<that UUID>}.
     */
    @Override
    public String schedule(@Nonnull Instant triggerDateTime, @Nonnull String deadlineName,
                           @Nullable Object messageOrPayload, @Nonnull ScopeDescriptor deadlineScope) {
        DeadlineMessage<Object> deadlineMessage = asDeadlineMessage(deadlineName, messageOrPayload, triggerDateTime);
        String identifier = IdentifierFactory.getInstance().generateIdentifier();
        Span span = spanFactory.createScheduleSpan(deadlineName, identifier, deadlineMessage);
        runOnPrepareCommitOrNow(span.wrapRunnable(() -> {
            DeadlineMessage<Object> message = processDispatchInterceptors(deadlineMessage);
            SerializedObject<byte[]> scope = serializer.serialize(deadlineScope, byte[].class);
            SerializedObject<byte[]> payload = serializer.serialize(message.getPayload(), byte[].class);
            SerializedObject<byte[]> metaData = serializer.serialize(message.getMetaData(), byte[].class);
            DbSchedulerBinaryDeadlineDetails details = new DbSchedulerBinaryDeadlineDetails(
                    deadlineName, scope.getData(), scope.getType().getName(),
                    payload.getData(), payload.getType().getName(), payload.getType().getRevision(),
                    metaData.getData());
            String taskId = DeadlineInstanceIds.id(deadlineName, scope.getData(), identifier);
            scheduler.schedule(TASK.instance(taskId).data(details).build(), triggerDateTime);
        }));
        return identifier;
    }

    /**
     * By the id {@link #schedule} returned: the stored id ends in it, and is found among the deadlines of that
     * name (a key range); an id from before the scope-keyed format is the stored id itself.
     */
    @Override
    public void cancelSchedule(@Nonnull String deadlineName, @Nonnull String scheduleId) {
        Span span = spanFactory.createCancelScheduleSpan(deadlineName, scheduleId);
        runOnPrepareCommitOrNow(span.wrapRunnable(() -> {
            if (scheduler.getScheduledExecution(TaskInstanceId.of(TASK_NAME, scheduleId)).isPresent()) {
                cancel(TaskInstanceId.of(TASK_NAME, scheduleId));
                return;
            }
            String prefix = DeadlineInstanceIds.namePrefix(deadlineName);
            String suffix = "#" + scheduleId;
            jdbc.queryForList(idsInRange, String.class, TASK_NAME, prefix, DeadlineInstanceIds.upperBound(prefix))
                .stream()
                .filter(id -> id.endsWith(suffix))
                .forEach(id -> cancel(TaskInstanceId.of(TASK_NAME, id)));
        }));
    }

    @Override
    public void cancelAllWithinScope(@Nonnull String deadlineName, @Nonnull ScopeDescriptor scope) {
        Span span = spanFactory.createCancelAllWithinScopeSpan(deadlineName, scope);
        runOnPrepareCommitOrNow(span.wrapRunnable(() -> {
            byte[] serializedScope = serializer.serialize(scope, byte[].class).getData();
            Predicate<DbSchedulerBinaryDeadlineDetails> matches =
                    d -> deadlineName.equals(d.getD()) && Arrays.equals(serializedScope, d.getS());
            cancelWithPrefix(DeadlineInstanceIds.scopePrefix(deadlineName, serializedScope), matches);
            cancelLegacy(matches);
        }));
    }

    @Override
    public void cancelAll(@Nonnull String deadlineName) {
        Span span = spanFactory.createCancelAllSpan(deadlineName);
        runOnPrepareCommitOrNow(span.wrapRunnable(() -> {
            Predicate<DbSchedulerBinaryDeadlineDetails> matches = d -> deadlineName.equals(d.getD());
            cancelWithPrefix(DeadlineInstanceIds.namePrefix(deadlineName), matches);
            cancelLegacy(matches);
        }));
    }

    private void cancelWithPrefix(String prefix, Predicate<DbSchedulerBinaryDeadlineDetails> matches) {
        List<String> ids = jdbc.queryForList(idsInRange, String.class, TASK_NAME, prefix,
                DeadlineInstanceIds.upperBound(prefix));
        for (String id : ids) {
            scheduler.getScheduledExecution(TaskInstanceId.of(TASK_NAME, id))
                     .filter(execution -> !execution.isPicked())
                     .filter(execution -> execution.getData() instanceof DbSchedulerBinaryDeadlineDetails details
                             && matches.test(details))
                     .ifPresent(execution -> cancel(execution.getTaskInstance()));
        }
    }

    /** Axon's scan, for rows with its random ids, as long as any may exist. */
    private void cancelLegacy(Predicate<DbSchedulerBinaryDeadlineDetails> matches) {
        if (!legacyRowsMayExist()) {
            return;
        }
        int[] seen = {0};
        scheduler.fetchScheduledExecutionsForTask(TASK_NAME, DbSchedulerBinaryDeadlineDetails.class,
                (ScheduledExecution<DbSchedulerBinaryDeadlineDetails> execution) -> {
                    if (DeadlineInstanceIds.isScopeKeyed(execution.getTaskInstance().getId())) {
                        return;
                    }
                    seen[0]++;
                    if (matches.test(execution.getData())) {
                        cancel(execution.getTaskInstance());
                    }
                });
        if (seen[0] == 0) {
            // The scan sees only rows not being executed; the count sees all before the scan is switched off.
            legacyRows.set(countLegacyRows() > 0);
        }
    }

    private boolean legacyRowsMayExist() {
        Boolean known = legacyRows.get();
        if (known == null) {
            known = countLegacyRows() > 0;
            legacyRows.compareAndSet(null, known);
            if (known) {
                log.info("Deadlines with ids from before the scope-keyed format exist; cancelling also scans "
                        + "every open deadline until they are gone");
            }
        }
        return known;
    }

    /** Whether cancelling still scans for rows with Axon's random ids (known after the first cancel). */
    boolean scansLegacyIds() {
        return Boolean.TRUE.equals(legacyRows.get());
    }

    private long countLegacyRows() {
        Long count = jdbc.queryForObject(legacyCount, Long.class, TASK_NAME);
        return count == null ? 0 : count;
    }

    private void cancel(TaskInstanceId instance) {
        try {
            scheduler.cancel(instance);
        } catch (TaskInstanceNotFoundException e) {
            // Fired or cancelled since it was read: nothing left to cancel, as Axon's cancelSchedule treats it.
            log.debug("Deadline {} was gone before it could be cancelled", instance.getId());
        }
    }

    private static boolean isPostgreSql(JdbcTemplate jdbc) {
        String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
        return "PostgreSQL".equalsIgnoreCase(product);
    }
}
