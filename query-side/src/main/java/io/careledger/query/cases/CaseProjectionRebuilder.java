package io.careledger.query.cases;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
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
 * Rebuilds the case index from the events without taking search offline: the projection replays every
 * event into a fresh index behind the write alias while queries keep reading the old index, and the read
 * alias moves over in one atomic step once the replay has caught up.
 * <p>
 * Old indices are never deleted here: they are the way back if the new one turns out wrong, and deleting
 * them is left to an operator ({@code DELETE /careledger-cases-00000N}).
 * <p>
 * Both aliases and Axon's replay token are stored, so a rebuild survives a restart of the service: the
 * replay continues where it was and {@link #resume()}, run when the service is ready, finishes the swap.
 * The reset needs the {@code case-projection} processor to be stopped everywhere, so with several service
 * instances run it where that processor's segments are all claimed.
 */
@Component
public class CaseProjectionRebuilder implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CaseProjectionRebuilder.class);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(5);

    private final CaseIndex index;
    private final EventProcessingConfiguration processing;
    private final Duration pollInterval;
    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "case-index-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    private volatile RebuildProgress progress = RebuildProgress.idle();
    private CompletableFuture<RebuildProgress> running = CompletableFuture.completedFuture(progress);
    private long lastReport = System.nanoTime() - REPORT_EVERY.toNanos();

    @Autowired
    public CaseProjectionRebuilder(CaseIndex index, EventProcessingConfiguration processing) {
        this(index, processing, Duration.ofSeconds(1));
    }

    CaseProjectionRebuilder(CaseIndex index, EventProcessingConfiguration processing, Duration pollInterval) {
        this.index = index;
        this.processing = processing;
        this.pollInterval = pollInterval;
    }

    /**
     * Starts a rebuild into the next versioned index, or returns the one under way.
     *
     * @return completes when queries read the new index, or exceptionally when the swap failed
     */
    public synchronized CompletableFuture<RebuildProgress> rebuild() throws IOException {
        if (!running.isDone()) {
            return running;
        }
        StreamingEventProcessor processor = processor();
        String target = index.createNextIndex();
        processor.shutDown();
        try {
            // Reset before moving the alias: should the move fail, the replay goes into the current index,
            // where every event is already applied and changes nothing.
            processor.resetTokens();
            index.moveWriteAlias(target);
        } finally {
            processor.start();
        }
        log.info("Rebuilding the case index into {}", target);
        return watch(target);
    }

    /**
     * Finishes a rebuild that a restart interrupted (the write alias is on another index than the read
     * alias); also the way to retry a swap that failed.
     *
     * @return completes when queries read the index being written; already complete when no rebuild is open
     */
    public synchronized CompletableFuture<RebuildProgress> resume() throws IOException {
        if (!running.isDone()) {
            return running;
        }
        String target = index.writeIndex();
        if (target.equals(index.readIndex())) {
            return CompletableFuture.completedFuture(progress);
        }
        log.info("Resuming the rebuild of the case index into {}", target);
        return watch(target);
    }

    /** Void, because Spring publishes whatever an event listener returns as another event. */
    @EventListener(ApplicationReadyEvent.class)
    public void resumeWhenReady() throws IOException {
        resume();
    }

    public RebuildProgress status() {
        return progress;
    }

    @Override
    public void close() {
        monitor.shutdownNow();
    }

    private CompletableFuture<RebuildProgress> watch(String target) {
        CompletableFuture<RebuildProgress> done = new CompletableFuture<>();
        progress = RebuildProgress.replaying(target, 0, 0);
        running = done;
        ScheduledFuture<?> polling = monitor.scheduleWithFixedDelay(() -> poll(target, done), 0,
                pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        done.whenComplete((result, failure) -> polling.cancel(false));
        return done;
    }

    /** Runs on the monitor thread only. */
    private void poll(String target, CompletableFuture<RebuildProgress> done) {
        if (done.isDone()) {
            return;
        }
        try {
            // A copy, so that progress and completion are judged on the same observation.
            List<EventTrackerStatus> statuses = new ArrayList<>(processor().processingStatus().values());
            long processed = statuses.stream().map(EventTrackerStatus::getCurrentPosition)
                    .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).min().orElse(0);
            long total = statuses.stream().map(EventTrackerStatus::getResetPosition)
                    .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).max().orElse(processed);
            progress = RebuildProgress.replaying(target, processed, Math.max(processed, total));
            if (coversAllSegments(statuses) && statuses.stream().allMatch(CaseProjectionRebuilder::replayed)) {
                index.moveReadAlias(target);
                progress = progress.completed();
                log.info("Case index rebuilt: queries now read {}; older indices stay until an operator deletes them",
                        target);
                done.complete(progress);
            } else if (System.nanoTime() - lastReport >= REPORT_EVERY.toNanos()) {
                lastReport = System.nanoTime();
                log.info("Rebuilding the case index into {}: position {} of {} ({}%)", target,
                        progress.processed(), progress.total(), progress.percent());
            }
        } catch (IOException | RuntimeException e) {
            progress = progress.failed(e);
            log.error("Rebuild of the case index into {} failed; its write alias stays there and resume() retries",
                    target, e);
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

    private StreamingEventProcessor processor() {
        return processing.eventProcessor(CaseProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No streaming event processor named "
                        + CaseProjection.PROCESSING_GROUP + ": rebuilding needs one to replay"));
    }
}
