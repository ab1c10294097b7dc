package io.careledger.service.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deadlines are written on the connection of the transaction that schedules them. The pool here has a single
 * connection, which the transaction holds: a scheduler asking the pool for a second one would wait out the pool's
 * timeout and fail (as commands did under 8 concurrent clients).
 */
class SchedulerConfigurationTest {
    private final OneTimeTask<Void> reminder = Tasks.oneTime("reminder").execute((instance, context) -> { });
    private HikariDataSource dataSource;
    private Scheduler scheduler;
    private TransactionTemplate transaction;

    @BeforeEach
    void setUp() {
        String url = "jdbc:h2:mem:scheduler-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration/h2").load().migrate();
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername("sa");
        dataSource.setMaximumPoolSize(1);
        dataSource.setConnectionTimeout(1_000);
        scheduler = new SchedulerConfiguration().deadlineScheduler(dataSource, List.of(reminder), Clock.systemUTC(),
                Duration.ofSeconds(5));
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @AfterEach
    void tearDown() {
        dataSource.close();
    }

    @Test
    void aDeadlineScheduledInACommittedTransactionIsKept() {
        transaction.executeWithoutResult(status -> {
            scheduler.schedule(reminder.instance("kept"), Instant.now().plusSeconds(60));
            scheduler.schedule(reminder.instance("cancelled"), Instant.now().plusSeconds(60));
            scheduler.cancel(TaskInstanceId.of("reminder", "cancelled"));
        });

        assertThat(scheduler.getScheduledExecution(TaskInstanceId.of("reminder", "kept"))).isPresent();
        assertThat(scheduler.getScheduledExecution(TaskInstanceId.of("reminder", "cancelled"))).isEmpty();
    }

    @Test
    void aDeadlineScheduledInATransactionThatRollsBackIsGoneWithIt() {
        transaction.executeWithoutResult(status -> {
            scheduler.schedule(reminder.instance("undone"), Instant.now().plusSeconds(60));
            status.setRollbackOnly();
        });

        assertThat(scheduler.getScheduledExecution(TaskInstanceId.of("reminder", "undone"))).isEmpty();
    }
}
