package org.lrplayground.engine.run;

/**
 * How a run ended (or that it is still running).
 *
 * @param kind   what happened
 * @param step   the step at which it happened (for {@code diverged}, the first bad step, whose
 *               point is not recorded)
 * @param cause  why a run diverged or left the box, for code that reacts to it (a hint, a fix);
 *               {@link Cause#NONE} for the other kinds
 * @param reason a plain sentence for users, empty while running
 */
public record RunStatus(Kind kind, int step, Cause cause, String reason) {

    public RunStatus {
        boolean explained = kind == Kind.DIVERGED || kind == Kind.LEFT_BOX;
        if (explained == (cause == Cause.NONE)) {
            throw new IllegalArgumentException("a " + kind.id() + " run has " + (explained ? "a" : "no") + " cause (got "
                    + cause + ")");
        }
    }

    /** Why a run diverged or left the box, each with what a user can do about it. */
    public enum Cause {
        NONE(""),
        /** A step made θ, f, the gradient or the rate infinite or undefined, or threw θ far away. */
        RATE_TOO_LARGE("This learning rate is too large for this surface — try one ten times smaller."),
        /** A step reached a finite point where f is undefined (a custom log(x) at x &lt; 0): a domain problem. */
        UNDEFINED_POINT("A smaller learning rate or another start may avoid it."),
        /** f is undefined at the start point. */
        UNDEFINED_AT_START("Pick another start point."),
        /** The start point is too far out, or f or its gradient overflow there. */
        UNUSABLE_START("Pick another start point."),
        /**
         * Left the box of a surface without a minimum in it: its loss falls off outside (a saddle),
         * or is unbounded only at a pole (1/x next to 0) while the run went elsewhere.
         */
        NO_MINIMUM("Its lowest values lie at an edge or a pole, where the loss has no bottom.");

        private final String hint;

        Cause(String hint) {
            this.hint = hint;
        }

        /** What to do about it, as a sentence; empty when there is nothing to add. */
        public String hint() {
            return hint;
        }
    }

    public enum Kind {
        RUNNING("running"),
        /** The gradient norm fell below {@link Stops#CONVERGED_GRADIENT}. */
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

    public static final RunStatus RUNNING = new RunStatus(Kind.RUNNING, 0, Cause.NONE, "");

    public boolean finished() {
        return kind != Kind.RUNNING;
    }
}
