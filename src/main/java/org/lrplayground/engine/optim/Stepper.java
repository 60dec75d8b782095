package org.lrplayground.engine.optim;

import java.util.Map;

/**
 * One run's optimizer state. {@link #step} is the inner loop: it must not allocate.
 *
 * <p>It writes the update into {@link StepContext#update}; the runner subtracts it, so the descent
 * sign lives in one place (the runner), not in every method.
 */
public interface Stepper {

    /** Computes the update and the effective learning rates for step {@code c.t}. */
    void step(StepContext c);

    /**
     * The method's internal state after the last step, by the names of its paper (m, v, d, …),
     * copied: for tests against reference implementations and for the UI's internals view.
     */
    Map<String, double[]> state();
}
