package io.careledger.service.support;

import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.careledger.query.projection.TrackingPositions;
import io.careledger.service.demo.DemoDataGenerator;
import io.careledger.service.demo.DemoSettings;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.ApplicationContext;

/** Generates demo datasets in the shared test service, each on stores of its own, and waits for the projections. */
public final class DemoData {
    /** The end of every generated dataset: fixed, so that runs of the same seed are comparable. */
    public static final Instant UNTIL = Instant.parse("2026-09-30T16:00:00Z");

    private DemoData() {
    }

    public record Dataset(String prefix, List<String> stores, DemoDataGenerator.Summary summary) {
    }

    public static Dataset generate(ApplicationContext context, int customers, long seed, int months) {
        String prefix = "demo-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> stores = List.of(prefix + "-SH", prefix + "-BJ", prefix + "-HZ");
        DemoDataGenerator generator = new DemoDataGenerator(context.getBean(CommandGateway.class),
                context.getBean(EventStore.class), context.getBean(Scheduler.class), context.getBean(MutableClock.class));
        DemoDataGenerator.Summary summary = generator.generate(
                new DemoSettings(customers, seed, months, UNTIL, stores, prefix), new PrintStream(System.out));
        awaitCaughtUp(context, "metrics-projection");
        return new Dataset(prefix, stores, summary);
    }

    /** Until every segment of the processing group has handled every event stored so far. */
    public static void awaitCaughtUp(ApplicationContext context, String processingGroup) {
        long head = TrackingPositions.of(context.getBean(EventStore.class).createHeadToken()).orElse(0);
        StreamingEventProcessor processor = context.getBean(EventProcessingConfiguration.class)
                .eventProcessor(processingGroup, StreamingEventProcessor.class).orElseThrow();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var statuses = processor.processingStatus().values();
            return !statuses.isEmpty() && statuses.stream().allMatch(status -> status.isCaughtUp()
                    && position(status).orElse(-1) >= head);
        });
    }

    private static OptionalLong position(EventTrackerStatus status) {
        return status.getCurrentPosition();
    }
}
