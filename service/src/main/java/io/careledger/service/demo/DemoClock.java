package io.careledger.service.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The service clock while the demo generator runs: real time, or the generated moment while the generator has
 * set one. Only ever the clock of a service started in demo mode ({@code careledger.demo.customers}); the tests'
 * clock extends it with a present they can move forward.
 */
public class DemoClock extends Clock implements TimeTravel {
    private final Supplier<Instant> present;
    private final AtomicReference<Instant> pinned = new AtomicReference<>();

    public DemoClock(Clock base) {
        this(base::instant);
    }

    /** @param present the time when none is set */
    protected DemoClock(Supplier<Instant> present) {
        this.present = present;
    }

    @Override
    public final void travelTo(Instant at) {
        pinned.set(at);
    }

    @Override
    public final void backToPresent() {
        pinned.set(null);
    }

    @Override
    public final Instant instant() {
        Instant at = pinned.get();
        return at == null ? present.get() : at;
    }

    @Override
    public final ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public final Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("CareLedger works in UTC");
    }
}
