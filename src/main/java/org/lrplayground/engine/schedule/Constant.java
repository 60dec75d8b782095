package org.lrplayground.engine.schedule;

/** The constant schedule: s_t = 1, the rate stays at the base lr. */
public record Constant() implements Schedule.Pure {

    @Override
    public double at(int t) {
        return 1;
    }
}
