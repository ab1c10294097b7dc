package io.careledger.service.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import io.careledger.service.deadline.ScopeIndexedDeadlineManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Durable deadlines: db-scheduler keeps them in the {@code scheduled_tasks} table, so a first-response
 * deadline survives a restart. Axon's auto-configuration turns this {@link Scheduler} into the
 * {@code DeadlineManager}. The scheduler reads time from the same {@link Clock} as the aggregates, and writes in
 * the transaction of the command that schedules or cancels a deadline, so both commit or roll back together.
 */
@Configuration(proxyBeanMethods = false)
public class SchedulerConfiguration {

    @Bean
    public Scheduler deadlineScheduler(DataSource dataSource, List<Task<?>> tasks, Clock clock,
                                @Value("${careledger.scheduler.polling-interval:5s}") Duration pollingInterval) {
        // Transaction-aware: a deadline scheduled or cancelled by a command joins the command's transaction (see
        // AxonConfiguration#axonTransactionManager) on the connection it already holds. On a connection of its own,
        // every command that touches a deadline needed a second pooled connection while holding the first; under
        // concurrent commands the pool ran dry and they all waited for each other until the pool's timeout.
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
                        .pollingInterval(pollingInterval)
                        .threads(2)
                        .clock(clock::instant)
                        .build();
    }

    /**
     * Axon's auto-configured deadline manager, set up the same way (the scheduler is started and stopped by
     * {@link #deadlineSchedulerLifecycle}), but finding a scope's deadlines by key instead of scanning them all
     * ({@link ScopeIndexedDeadlineManager}).
     */
    @Bean
    DeadlineManager deadlineManager(Scheduler scheduler, org.axonframework.config.Configuration axon,
                                    @Qualifier("eventSerializer") Serializer serializer,
                                    TransactionManager transactionManager, DeadlineManagerSpanFactory spanFactory,
                                    DataSource dataSource) {
        DbSchedulerDeadlineManager.Builder builder = DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .spanFactory(spanFactory)
                .startScheduler(false)
                .stopScheduler(false);
        return new ScopeIndexedDeadlineManager(builder, scheduler, serializer, spanFactory,
                new JdbcTemplate(dataSource), "scheduled_tasks");
    }

    /** Starts polling once the application is up and stops it before the data source closes. */
    @Bean
    SmartLifecycle deadlineSchedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                scheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
