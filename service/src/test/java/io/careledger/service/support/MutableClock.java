package io.careledger.service.support;

import io.careledger.service.demo.TimeTravel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** Real time plus an offset that a test can move forward: deadlines come due without waiting for them. */
public final class MutableClock extends Clock implements TimeTravel {
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<Instant> pinned = new AtomicReference<>();

    public void advance(Duration by) {
        offset.accumulateAndGet(by, Duration::plus);
    }

    /** The demo data generator sets the time of each command it sends (see DemoDataGenerator). */
    @Override
    public void travelTo(Instant at) {
        pinned.set(at);
    }

    @Override
    public void backToPresent() {
        pinned.set(null);
    }

    @Override
    public Instant instant() {
        Instant at = pinned.get();
        return at != null ? at : Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("CareLedger works in UTC");
    }
}
