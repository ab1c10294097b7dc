package io.careledger.service.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.zaxxer.hikari.HikariDataSource;
import io.careledger.service.config.SchedulerConfiguration;
import io.careledger.service.support.LocalPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.DefaultDeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.ScopeAware;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.tracing.NoOpSpanFactory;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The scope-keyed deadline manager on the real databases it runs on: H2 (embedded) and PostgreSQL (production),
 * each migrated with the service's own migrations, with the service's scheduler and Axon's transaction handling.
 */
class ScopeIndexedDeadlineManagerIT {
    private static final String FIRST_RESPONSE = "complaint-first-response";
    private static final String OTHER = "refund-review";
    private static LocalPostgres postgres;

    private final List<DeadlineMessage<?>> fired = Collections.synchronizedList(new ArrayList<>());
    private HikariDataSource dataSource;
    private Scheduler scheduler;
    private TransactionManager transactions;
    private Serializer serializer;
    private DeadlineManagerSpanFactory spans;

    enum Database { H2, POSTGRESQL }

    @BeforeAll
    static void startPostgres() {
        postgres = LocalPostgres.start();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @AfterEach
    void tearDown() {
        if (scheduler != null) {
            scheduler.stop();
        }
        dataSource.close();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void cancellingWithinAScopeRemovesOnlyThatScopesDeadlinesOfThatName(Database database) {
        ScopeIndexedDeadlineManager deadlines = start(database);
        List<String> kept = new ArrayList<>();
        String[] cancelled = new String[2];
        inCommand(() -> {
            for (int i = 0; i < 40; i++) {
                kept.add(deadlines.schedule(inAnHour(), FIRST_RESPONSE, "p" + i, complaint("c-" + i)));
                kept.add(deadlines.schedule(inAnHour(), OTHER, "p" + i, complaint("c-" + i)));
            }
            cancelled[0] = deadlines.schedule(inAnHour(), FIRST_RESPONSE, "p", complaint("c-x"));
            cancelled[1] = deadlines.schedule(inAnHour(), FIRST_RESPONSE, "q", complaint("c-x"));
            kept.add(deadlines.schedule(inAnHour(), OTHER, "p", complaint("c-x")));
            // Same id, other aggregate type: another scope.
            kept.add(deadlines.schedule(inAnHour(), FIRST_RESPONSE, "p", new AggregateScopeDescriptor("RefundAggregate", "c-x")));
        });
        assertThat(Stream.concat(kept.stream(), Stream.of(cancelled)))
                .allSatisfy(id -> assertThat(exists(id)).as(id).isTrue());
        assertThat(new JdbcTemplate(dataSource).queryForList("SELECT task_instance FROM scheduled_tasks", String.class))
                .hasSize(kept.size() + 2)
                .allSatisfy(id -> assertThat(id).hasSizeLessThanOrEqualTo(DeadlineInstanceIds.MAX_LENGTH))
                .allMatch(DeadlineInstanceIds::isScopeKeyed);

        inCommand(() -> deadlines.cancelAllWithinScope(FIRST_RESPONSE, complaint("c-x")));

        assertThat(cancelled).allSatisfy(id -> assertThat(exists(id)).as(id).isFalse());
        assertThat(kept).allSatisfy(id -> assertThat(exists(id)).as(id).isTrue());
        assertThat(deadlines.scansLegacyIds()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void cancellingAllOfANameLeavesOtherNames(Database database) {
        ScopeIndexedDeadlineManager deadlines = start(database);
        // A name with LIKE wildcards and one too long to show: both are hashed into the id.
        String wild = "odd_name%with-wildcards";
        String longName = "a-deadline-name-that-is-longer-than-forty-characters";
        List<String> gone = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        inCommand(() -> {
            for (int i = 0; i < 5; i++) {
                gone.add(deadlines.schedule(inAnHour(), wild, null, complaint("c-" + i)));
                kept.add(deadlines.schedule(inAnHour(), "odd-name-with-wildcards", null, complaint("c-" + i)));
                kept.add(deadlines.schedule(inAnHour(), longName, null, complaint("c-" + i)));
            }
        });

        inCommand(() -> deadlines.cancelAll(wild));
        assertThat(gone).allSatisfy(id -> assertThat(exists(id)).isFalse());
        assertThat(kept).allSatisfy(id -> assertThat(exists(id)).isTrue());

        inCommand(() -> deadlines.cancelAllWithinScope(longName, complaint("c-3")));
        assertThat(kept).filteredOn(id -> !exists(id)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aDeadlineScheduledWithAxonsRandomIdIsStillCancelled(Database database) {
        start(database);
        DbSchedulerDeadlineManager axons = DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler).scopeAwareProvider(scope -> Stream.empty()).serializer(serializer)
                .transactionManager(transactions).spanFactory(spans).startScheduler(false).build();
        String[] legacy = new String[2];
        inCommand(() -> {
            legacy[0] = axons.schedule(inAnHour(), FIRST_RESPONSE, "old", complaint("c-old"));
            legacy[1] = axons.schedule(inAnHour(), FIRST_RESPONSE, "old", complaint("c-other"));
        });
        assertThat(DeadlineInstanceIds.isScopeKeyed(legacy[0])).isFalse();
        // Made after the legacy rows, as after an upgrade: it reads on its first cancel that they exist.
        ScopeIndexedDeadlineManager deadlines = manager();
        String current = scheduleInCommand(deadlines, FIRST_RESPONSE, complaint("c-old"));

        inCommand(() -> deadlines.cancelAllWithinScope(FIRST_RESPONSE, complaint("c-old")));

        assertThat(exists(legacy[0])).isFalse();
        assertThat(exists(current)).isFalse();
        assertThat(exists(legacy[1])).isTrue();
        assertThat(deadlines.scansLegacyIds()).isTrue();

        // The last legacy row goes: the next cancel's scan meets none, and scanning stops.
        inCommand(() -> deadlines.cancelAllWithinScope(FIRST_RESPONSE, complaint("c-other")));
        assertThat(exists(legacy[1])).isFalse();
        inCommand(() -> deadlines.cancelAllWithinScope(FIRST_RESPONSE, complaint("c-none")));
        assertThat(deadlines.scansLegacyIds()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aDeadlineScheduledBeforeItsAggregateHasAnIdIsKeyedByTheIdItGets(Database database) {
        ScopeIndexedDeadlineManager deadlines = start(database);
        // As in an aggregate's constructor: the scope names the aggregate, whose id is set when its first
        // event is applied, after the constructor scheduled the deadline.
        AtomicReference<String> aggregateId = new AtomicReference<>();
        String id = inCommandResult(() -> {
            String scheduled = deadlines.schedule(inAnHour(), FIRST_RESPONSE, "new",
                    new AggregateScopeDescriptor("ComplaintAggregate", aggregateId::get));
            aggregateId.set("c-new");
            return scheduled;
        });
        assertThat(exists(id)).isTrue();

        inCommand(() -> deadlines.cancelAllWithinScope(FIRST_RESPONSE, complaint("c-new")));
        assertThat(exists(id)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aDeadlineIsCancelledByTheIdScheduleReturned(Database database) {
        ScopeIndexedDeadlineManager deadlines = start(database);
        String first = scheduleInCommand(deadlines, FIRST_RESPONSE, complaint("c-1"));
        String second = scheduleInCommand(deadlines, FIRST_RESPONSE, complaint("c-1"));

        inCommand(() -> deadlines.cancelSchedule(FIRST_RESPONSE, first));

        assertThat(exists(first)).isFalse();
        assertThat(exists(second)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aCommandThatRollsBackLeavesTheDeadline(Database database) {
        ScopeIndexedDeadlineManager deadlines = start(database);
        String id = scheduleInCommand(deadlines, FIRST_RESPONSE, complaint("c-1"));

        DefaultUnitOfWork<?> command = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("ack"));
        command.attachTransaction(transactions);
        // Cancelling runs on prepare-commit; a later step of the same commit fails after the row was deleted.
        deadlines.cancelAllWithinScope(FIRST_RESPONSE, complaint("c-1"));
        command.onPrepareCommit(uow -> {
            assertThat(count(id)).as("deleted inside the command's transaction").isZero();
            throw new IllegalStateException("the command fails after cancelling");
        });
        assertThatThrownBy(command::commit).hasMessageContaining("fails after cancelling");

        assertThat(exists(id)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aFiredDeadlineIsDeliveredOnceAndNotFiredAgain(Database database) {
        ScopeIndexedDeadlineManager deadlines = start(database);
        String id = inCommandResult(() -> deadlines.schedule(Instant.now().minusSeconds(1), FIRST_RESPONSE,
                "due", complaint("c-due")));
        String later = scheduleInCommand(deadlines, FIRST_RESPONSE, complaint("c-later"));
        scheduler.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> !exists(id) && fired.size() == 1);
        assertThat(fired.get(0).getPayload()).isEqualTo("due");
        assertThat(fired.get(0).getDeadlineName()).isEqualTo(FIRST_RESPONSE);
        // Several more polls (every 100 ms) find nothing due: the fired one is gone, the other not yet due.
        for (int i = 0; i < 5; i++) {
            scheduler.triggerCheckForDueExecutions();
            sleep(Duration.ofMillis(200));
        }
        assertThat(fired).hasSize(1);
        assertThat(exists(later)).isTrue();
    }

    private ScopeIndexedDeadlineManager start(Database database) {
        String url;
        String user;
        String location;
        if (database == Database.H2) {
            url = "jdbc:h2:mem:deadlines-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
            user = "sa";
            location = "classpath:db/migration/h2";
        } else {
            String schema = "d" + UUID.randomUUID().toString().replace("-", "");
            url = postgres.jdbcUrl() + "?currentSchema=" + schema;
            user = postgres.username();
            location = "classpath:db/migration/postgresql";
            Flyway.configure().dataSource(url, user, "").schemas(schema).locations(location).load().migrate();
        }
        if (database == Database.H2) {
            Flyway.configure().dataSource(url, user, "").locations(location).load().migrate();
        }
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(user);
        dataSource.setMaximumPoolSize(4);
        dataSource.setConnectionTimeout(5_000);
        transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
        serializer = Jackson3Serializer.builder().build();
        spans = DefaultDeadlineManagerSpanFactory.builder().spanFactory(NoOpSpanFactory.INSTANCE).build();
        AtomicReference<DbSchedulerDeadlineManager> manager = new AtomicReference<>();
        Task<DbSchedulerBinaryDeadlineDetails> task = DbSchedulerDeadlineManager.binaryTask(manager::get);
        scheduler = new SchedulerConfiguration().deadlineScheduler(dataSource, List.of(task), Clock.systemUTC(),
                Duration.ofMillis(100));
        ScopeIndexedDeadlineManager deadlines = manager();
        manager.set(deadlines);
        return deadlines;
    }

    private ScopeIndexedDeadlineManager manager() {
        DbSchedulerDeadlineManager.Builder builder = DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(scope -> Stream.of(new Recorder()))
                .serializer(serializer)
                .transactionManager(transactions)
                .spanFactory(spans)
                .startScheduler(false)
                .stopScheduler(false);
        return new ScopeIndexedDeadlineManager(builder, scheduler, serializer, spans, new JdbcTemplate(dataSource),
                "scheduled_tasks");
    }

    private String scheduleInCommand(DeadlineManager deadlines, String name, ScopeDescriptor scope) {
        return inCommandResult(() -> deadlines.schedule(inAnHour(), name, "payload", scope));
    }

    private <T> T inCommandResult(java.util.function.Supplier<T> work) {
        List<T> result = new ArrayList<>();
        inCommand(() -> result.add(work.get()));
        return result.get(0);
    }

    /** As a command handler runs: in a unit of work with the data source's transaction attached. */
    private void inCommand(Runnable work) {
        DefaultUnitOfWork<?> command = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("cmd"));
        command.attachTransaction(transactions);
        command.execute(work);
    }

    /** By the id {@code schedule} returned: the stored id itself (Axon's) or the end of it (ours). */
    private boolean exists(String id) {
        return count(id) > 0;
    }

    private int count(String id) {
        Integer count = new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM scheduled_tasks "
                        + "WHERE task_name = ? AND (task_instance = ? OR task_instance LIKE ?)", Integer.class,
                ScopeIndexedDeadlineManager.TASK_NAME, id, "%#" + id);
        return count == null ? 0 : count;
    }

    private static AggregateScopeDescriptor complaint(String id) {
        return new AggregateScopeDescriptor("ComplaintAggregate", id);
    }

    private static Instant inAnHour() {
        return Instant.now().plus(Duration.ofHours(1));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stands for the aggregate the deadline's scope names. */
    private final class Recorder implements ScopeAware {
        @Override
        public void send(Message<?> message, ScopeDescriptor scope) {
            fired.add((DeadlineMessage<?>) message);
        }

        @Override
        public boolean canResolve(ScopeDescriptor scope) {
            return true;
        }
    }
}
