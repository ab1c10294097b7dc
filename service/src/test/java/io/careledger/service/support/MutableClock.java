package io.careledger.service.support;

import io.careledger.service.demo.DemoClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Real time plus an offset that a test can move forward: deadlines come due without waiting for them. Like the
 * demo clock it extends, it can also be set to a moment (the demo data generator does, see DemoData).
 */
public final class MutableClock extends DemoClock {
    private final AtomicReference<Duration> offset;

    public MutableClock() {
        this(new AtomicReference<>(Duration.ZERO));
    }

    private MutableClock(AtomicReference<Duration> offset) {
        super(() -> Instant.now().plus(offset.get()));
        this.offset = offset;
    }

    public void advance(Duration by) {
        offset.accumulateAndGet(by, Duration::plus);
    }
}
