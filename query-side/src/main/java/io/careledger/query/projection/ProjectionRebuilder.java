package io.careledger.query.projection;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Rebuilds a projection from the events without taking its queries offline: the projection's processor
 * replays every event into a fresh index behind the write alias while queries keep reading the old index,
 * and the read alias moves over in one atomic step once the replay has caught up.
 * <p>
 * Old indices are never deleted here: they are the way back if the new one turns out wrong, and deleting
 * them is left to an operator ({@code DELETE /careledger-cases-00000N}).
 * <p>
 * Both aliases and Axon's replay token are stored, so a rebuild survives a restart of the service: the
 * replay continues where it was and {@link #resume}, run for every projection when the service is ready,
 * finishes the swap. The reset needs the projection's processor to be stopped everywhere, so with several
 * service instances run it where that processor's segments are all claimed.
 */
@Component
public class ProjectionRebuilder implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilder.class);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(5);

    private final Map<ProjectionName, Run> runs = new EnumMap<>(ProjectionName.class);
    private final EventProcessingConfiguration processing;
    private final Duration pollInterval;
    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    @Autowired
    public ProjectionRebuilder(Collection<Projection> projections, EventProcessingConfiguration processing) {
        this(projections, processing, Duration.ofSeconds(1));
    }

    public ProjectionRebuilder(Collection<Projection> projections, EventProcessingConfiguration processing,
                               Duration pollInterval) {
        for (Projection projection : projections) {
            if (runs.put(projection.name(), new Run(projection)) != null) {
                throw new IllegalArgumentException("Two projections named " + projection.name());
            }
        }
        this.processing = processing;
        this.pollInterval = pollInterval;
    }

    /** The projections this service can rebuild. */
    public Set<ProjectionName> projections() {
        return Collections.unmodifiableSet(runs.keySet());
    }

    /**
     * Starts a rebuild of the projection into the next versioned index of its family, or returns the one
     * under way.
     *
     * @return completes when queries read the new index, or exceptionally when the swap failed
     * @throws IllegalArgumentException for a projection this service does not have
     */
    public CompletableFuture<RebuildProgress> start(ProjectionName name) throws IOException {
        Run run = run(name);
        synchronized (run) {
            if (!run.running.isDone()) {
                return run.running;
            }
            IndexFamily index = run.projection.index();
            StreamingEventProcessor processor = processor(run.projection);
            String target = index.createNextIndex();
            index.prepareForReplay(target);
            processor.shutDown();
            try {
                // Reset before moving the alias: should the move fail, the replay goes into the current index,
                // where every event is already applied and changes nothing.
                processor.resetTokens();
                index.moveWriteAlias(target);
            } finally {
                processor.start();
            }
            log.info("Rebuilding the {} projection into {}", name, target);
            return watch(run, target);
        }
    }

    /**
     * Finishes a rebuild that a restart interrupted (the write alias is on another index than the read
     * alias); also the way to retry a swap that failed.
     *
     * @return completes when queries read the index being written; already complete when no rebuild is open
     */
    public CompletableFuture<RebuildProgress> resume(ProjectionName name) throws IOException {
        Run run = run(name);
        synchronized (run) {
            if (!run.running.isDone()) {
                return run.running;
            }
            IndexFamily index = run.projection.index();
            String target = index.writeIndex();
            if (target.equals(index.readIndex())) {
                return CompletableFuture.completedFuture(run.progress);
            }
            log.info("Resuming the rebuild of the {} projection into {}", name, target);
            return watch(run, target);
        }
    }

    /** Where the last rebuild of the projection since the service started stands. */
    public RebuildProgress progress(ProjectionName name) {
        return run(name).progress;
    }

    /** Void, because Spring publishes whatever an event listener returns as another event. */
    @EventListener(ApplicationReadyEvent.class)
    public void resumeWhenReady() {
        for (ProjectionName name : runs.keySet()) {
            try {
                resume(name);
            } catch (IOException | RuntimeException e) {
                // One projection's trouble must not keep the others' rebuilds from finishing.
                log.error("Could not resume the rebuild of the {} projection; resume() retries", name, e);
            }
        }
    }

    @Override
    public void close() {
        monitor.shutdownNow();
    }

    private Run run(ProjectionName name) {
        Run run = runs.get(name);
        if (run == null) {
            throw new IllegalArgumentException("No projection " + name + " here; there are " + runs.keySet());
        }
        return run;
    }

    private CompletableFuture<RebuildProgress> watch(Run run, String target) {
        CompletableFuture<RebuildProgress> done = new CompletableFuture<>();
        run.progress = RebuildProgress.replaying(target, 0, 0);
        run.running = done;
        ScheduledFuture<?> polling = monitor.scheduleWithFixedDelay(() -> poll(run, target, done), 0,
                pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        done.whenComplete((result, failure) -> polling.cancel(false));
        return done;
    }

    /** Runs on the monitor thread only. */
    private void poll(Run run, String target, CompletableFuture<RebuildProgress> done) {
        if (done.isDone()) {
            return;
        }
        ProjectionName name = run.projection.name();
        try {
            // A copy, so that progress and completion are judged on the same observation.
            List<EventTrackerStatus> statuses = new ArrayList<>(processor(run.projection).processingStatus().values());
            long processed = statuses.stream().map(EventTrackerStatus::getCurrentPosition)
                    .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).min().orElse(0);
            long total = statuses.stream().map(EventTrackerStatus::getResetPosition)
                    .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).max().orElse(processed);
            run.progress = RebuildProgress.replaying(target, processed, Math.max(processed, total));
            if (coversAllSegments(statuses) && statuses.stream().allMatch(ProjectionRebuilder::replayed)) {
                // The index gets its own settings back (and a refresh) before queries read it.
                run.projection.index().finishReplay(target);
                run.projection.index().moveReadAlias(target);
                run.progress = run.progress.completed();
                log.info("The {} projection is rebuilt: queries now read {}; older indices stay until an operator "
                        + "deletes them", name, target);
                done.complete(run.progress);
            } else if (System.nanoTime() - run.lastReport >= REPORT_EVERY.toNanos()) {
                run.lastReport = System.nanoTime();
                log.info("Rebuilding the {} projection into {}: position {} of {} ({}%)", name, target,
                        run.progress.processed(), run.progress.total(), run.progress.percent());
            }
        } catch (IOException | RuntimeException e) {
            run.progress = run.progress.failed(e);
            log.error("Rebuild of the {} projection into {} failed; its write alias stays there and resume() retries",
                    name, target, e);
            done.completeExceptionally(e);
        }
    }

    /**
     * Whether this instance has claimed every segment: one not claimed yet (just after the reset), or claimed
     * elsewhere, could still be replaying. Segments split in halves, so their shares are powers of two.
     */
    private static boolean coversAllSegments(List<EventTrackerStatus> statuses) {
        long finest = statuses.stream().mapToLong(status -> status.getSegment().getMask() + 1L).max().orElse(0);
        return finest > 0 && statuses.stream()
                .mapToLong(status -> finest / (status.getSegment().getMask() + 1L)).sum() == finest;
    }

    /**
     * A segment's replay is over once it has handled the last event that existed at the reset. Its token only
     * stops being a replay token with the first event after that, which may be long in coming.
     */
    private static boolean replayed(EventTrackerStatus status) {
        return status.isCaughtUp() && (!status.isReplaying()
                || status.getCurrentPosition().orElse(0) >= status.getResetPosition().orElse(Long.MAX_VALUE));
    }

    private StreamingEventProcessor processor(Projection projection) {
        return processing.eventProcessor(projection.processingGroup(), StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No streaming event processor named "
                        + projection.processingGroup() + ": rebuilding the " + projection.name()
                        + " projection needs one to replay"));
    }

    /** One projection's rebuild; guarded by its own monitor, so different projections rebuild independently. */
    private static final class Run {
        private final Projection projection;
        private volatile RebuildProgress progress = RebuildProgress.idle();
        private CompletableFuture<RebuildProgress> running = CompletableFuture.completedFuture(progress);
        private volatile long lastReport = System.nanoTime() - REPORT_EVERY.toNanos();

        private Run(Projection projection) {
            this.projection = projection;
        }
    }
}
