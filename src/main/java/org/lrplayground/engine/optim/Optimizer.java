package org.lrplayground.engine.optim;

/**
 * A validated, immutable optimizer configuration (a record per method). {@link #start} creates the
 * mutable per-run state, so one configuration can drive any number of runs.
 */
public interface Optimizer {

    /** The base learning rate η₀, which a schedule scales into η_t. */
    double lr();

    /** Fresh state for a run over {@code dim} parameters. */
    Stepper start(int dim);

    /**
     * Whether the update is coordinate-wise: u_t[i] reads only θ[i], g[i] and the state of
     * coordinate i, plus what {@link StepContext} gives every coordinate alike (t, η_t, the
     * scheduled momentum), never the loss, f* or a norm over coordinates. Then n runs over d
     * parameters that share t and η_t are one run over n·d parameters: {@code start(n·d)} steps them
     * all at once, through the very update that steps one run, in a loop the JIT turns into SIMD
     * instructions over the runs (a batch's structure-of-arrays path, {@link Stepper#stepMany}).
     */
    default boolean coordinatewise() {
        return false;
    }
}
