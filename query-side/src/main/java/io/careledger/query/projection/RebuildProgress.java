package io.careledger.query.projection;

/**
 * Where a rebuild of one projection stands.
 *
 * @param index     the index being built (null while idle)
 * @param processed the event stream position the replay has reached
 * @param total     the position the replay must reach: the head of the stream when the rebuild began
 * @param percent   {@code processed} of {@code total}, 0 to 100
 * @param failure   why it stopped, when {@code phase} is {@link Phase#FAILED}
 */
public record RebuildProgress(Phase phase, String index, long processed, long total, int percent, String failure) {

    public enum Phase {
        /** No rebuild since the service started. */
        IDLE,
        /** Events are being replayed into the new index; queries still read the old one. */
        REPLAYING,
        /** The read alias points at the new index. */
        COMPLETED,
        /** The swap did not happen; {@code failure} says why. */
        FAILED
    }

    static RebuildProgress idle() {
        return new RebuildProgress(Phase.IDLE, null, 0, 0, 0, null);
    }

    static RebuildProgress replaying(String index, long processed, long total) {
        int percent = total <= 0 ? 0 : (int) Math.min(100, processed * 100 / total);
        return new RebuildProgress(Phase.REPLAYING, index, processed, total, percent, null);
    }

    RebuildProgress completed() {
        return new RebuildProgress(Phase.COMPLETED, index, processed, total, 100, null);
    }

    RebuildProgress failed(Throwable cause) {
        return new RebuildProgress(Phase.FAILED, index, processed, total, percent, String.valueOf(cause));
    }
}
