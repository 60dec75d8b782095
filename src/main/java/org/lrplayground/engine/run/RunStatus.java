package org.lrplayground.engine.run;

/**
 * How a run ended (or that it is still running).
 *
 * @param kind   what happened
 * @param step   the step at which it happened (for {@code diverged}, the first bad step, whose
 *               point is not recorded)
 * @param reason a plain sentence for users, empty while running
 */
public record RunStatus(Kind kind, int step, String reason) {

    public enum Kind {
        RUNNING("running"),
        /** The gradient norm fell below {@link Lane#CONVERGED_GRADIENT}. */
        CONVERGED("converged"),
        /** A non-finite θ, f or gradient, or θ far outside the box. */
        DIVERGED("diverged"),
        /** Left the box of a surface that is unbounded below. */
        LEFT_BOX("left-box"),
        /** Ran every step without converging. */
        MAX_STEPS("max-steps"),
        /** Ended by the analysis that watched it ({@link WatchedRun}); races never end so. */
        STOPPED("stopped");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** The name in the API, e.g. {@code left-box}. */
        public String id() {
            return id;
        }
    }

    public static final RunStatus RUNNING = new RunStatus(Kind.RUNNING, 0, "");

    public boolean finished() {
        return kind != Kind.RUNNING;
    }
}
