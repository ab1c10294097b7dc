package io.careledger.bench;

import java.util.Arrays;

/** Recorded durations and their percentiles (nearest rank), in milliseconds. */
final class Latencies {
    private long[] nanos = new long[1024];
    private int size;

    synchronized void add(long durationNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = durationNanos;
    }

    synchronized void addAll(Latencies other) {
        long[] theirs = other.sorted();
        for (long value : theirs) {
            add(value);
        }
    }

    synchronized int count() {
        return size;
    }

    synchronized double percentileMillis(double percentile) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = sorted();
        int rank = (int) Math.ceil(percentile / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }

    synchronized double meanMillis() {
        return size == 0 ? Double.NaN : Arrays.stream(nanos, 0, size).average().orElse(0) / 1e6;
    }

    private long[] sorted() {
        long[] copy = Arrays.copyOf(nanos, size);
        Arrays.sort(copy);
        return copy;
    }
}
