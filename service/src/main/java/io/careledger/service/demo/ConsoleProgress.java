package io.careledger.service.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/** A one-line progress bar: how far the generated time has come, and the commands sent so far. */
final class ConsoleProgress {
    private static final int WIDTH = 40;
    private static final long EVERY_NANOS = Duration.ofMillis(500).toNanos();

    private final PrintStream out;
    private final Instant start;
    private final Instant end;
    private final long begun = System.nanoTime();
    private long lastShown;

    ConsoleProgress(PrintStream out, Instant start, Instant end) {
        this.out = out;
        this.start = start;
        this.end = end;
    }

    void show(Instant at, int commands) {
        long now = System.nanoTime();
        if (now - lastShown < EVERY_NANOS) {
            return;
        }
        lastShown = now;
        print(at, commands);
    }

    void done(int commands) {
        print(end, commands);
        out.println();
        out.flush();
    }

    private void print(Instant at, int commands) {
        double total = Duration.between(start, end).toMillis();
        double share = total <= 0 ? 1 : Math.max(0, Math.min(1, Duration.between(start, at).toMillis() / total));
        int filled = (int) Math.round(share * WIDTH);
        out.printf("\rDemo data [%s%s] %3d%%  %s  %d commands  %ds", "#".repeat(filled), ".".repeat(WIDTH - filled),
                Math.round(share * 100), at.toString().substring(0, 10), commands,
                Duration.ofNanos(System.nanoTime() - begun).toSeconds());
        out.flush();
    }
}
