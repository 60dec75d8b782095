package org.lrplayground.engine.optim;

import java.util.LinkedHashMap;
import java.util.List;
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
     * {@link #step} over a context that holds many runs' coordinates, a batch in lockstep (only
     * for {@link Optimizer#coordinatewise} methods): the same arithmetic, in a loop of its own. The
     * JIT compiles each loop for the trip counts it has seen, and step's, run over two coordinates
     * by every race, would be compiled without the unrolling that SIMD over thousands of
     * coordinates needs; coordinate-wise methods therefore repeat step's loop here, around the same
     * per-coordinate update.
     */
    default void stepMany(StepContext c) {
        step(c);
    }

    /**
     * The method's internal state by the names of its paper (m, v, d, …), read live: each quantity
     * gives its value after the last step whenever it is read, so a runner can record it per step.
     */
    List<Quantity> quantities();

    /** The state after the last step, copied: for tests against reference implementations and the UI. */
    default Map<String, double[]> state() {
        Map<String, double[]> state = new LinkedHashMap<>();
        for (Quantity q : quantities()) {
            state.put(q.name(), q.values());
        }
        return state;
    }
}
