package io.careledger.service.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service clock while the demo generator runs: real time, or the generated moment while the generator has
 * set one. Only ever the clock of a service started in demo mode ({@code careledger.demo.customers}).
 */
public final class DemoClock extends Clock implements TimeTravel {
    private final Clock base;
    private final AtomicReference<Instant> pinned = new AtomicReference<>();

    public DemoClock(Clock base) {
        this.base = base;
    }

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
        return at == null ? base.instant() : at;
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
