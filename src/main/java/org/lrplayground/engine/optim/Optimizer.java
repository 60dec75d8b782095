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
}
