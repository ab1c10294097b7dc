package io.careledger.service.support;

import java.time.Duration;
import java.util.Collection;
import org.springframework.jdbc.core.JdbcTemplate;

/** Counts in the embedded run's JDBC event store, to show that a refused request appended nothing. */
public final class EventCount {
    private final JdbcTemplate jdbc;

    public EventCount(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long all() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }

    /** Events of these aggregates. */
    public long of(Collection<String> aggregateIds) {
        if (aggregateIds.isEmpty()) {
            return 0;
        }
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier IN ("
                + String.join(",", aggregateIds.stream().map(id -> "?").toList()) + ")", Long.class, aggregateIds.toArray());
    }

    /** Aggregates begun, other than care tasks (which the care process opens by itself, after the fact). */
    public long begunOtherThanCareTasks() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE sequenceNumber = 0 AND type NOT LIKE '%CareTask%'",
                Long.class);
    }

    /** Waits until nothing has been appended for a while: reactions to earlier requests have settled. */
    public long settled() {
        long previous = -1;
        long now = all();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (now != previous && System.nanoTime() < deadline) {
            previous = now;
            try {
                Thread.sleep(700);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            now = all();
        }
        return now;
    }
}
