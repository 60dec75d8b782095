package org.lrplayground.engine.run;

/**
 * Where a long computation reports the steps it has done as it goes, and learns that no one waits
 * for it any more: {@link #done} throws {@link Cancelled}, which unwinds the loops. The loops call
 * it once per block of steps (a lane's chunk, a lockstep block's step), so it costs nothing
 * measurable per step. Implementations must be thread-safe: a batch reports from every core.
 */
@FunctionalInterface
public interface Progress {

    /** Counts nothing and never cancels. */
    Progress NONE = steps -> {
    };

    /** Steps a lane runs between two reports. */
    int CHUNK = 4096;

    /**
     * Reports {@code steps} more steps done.
     *
     * @throws Cancelled when the computation should stop
     */
    void done(long steps);

    /** The computation was stopped because its client left; nothing it computed is kept. */
    final class Cancelled extends RuntimeException {

        public Cancelled() {
            super("the computation was stopped: its client left", null, false, false);
        }
    }
}
