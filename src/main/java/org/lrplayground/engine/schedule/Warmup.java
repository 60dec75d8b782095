package org.lrplayground.engine.schedule;

/**
 * Linear warm-up in front of any schedule: s_t = (t + 1) / (w + 1) · s'_0 for t &lt; w, then the
 * wrapped schedule from its own step 0 (as PyTorch's {@code SequentialLR} hands over). Starting at
 * 1/(w + 1) rather than 0 avoids a wasted first step. Where we differ from PyTorch: its
 * {@code LinearLR} ramps from {@code start_factor} (default 1/3) to 1 and must be chained by hand;
 * here the ramp always starts near 0, ends at the wrapped schedule's first value, and delays that
 * schedule by w steps (so a one-cycle or T_max counted in steps ends w steps later).
 *
 * @param steps w &gt; 0, the length of the ramp
 * @param then  the schedule that follows
 */
public record Warmup(int steps, Schedule then) implements Schedule {

    public Warmup {
        if (steps < 1) {
            throw new IllegalArgumentException("warmup must be at least 1 step (got " + steps + ")");
        }
    }

    @Override
    public Tracker start(double fStar) {
        Tracker after = then.start(fStar);
        return new Tracker() {
            private double first = Double.NaN;

            @Override
            public double multiplier(int t, double loss) {
                if (t < steps) {
                    // The ramp leads up to the wrapped schedule's own first value.
                    if (Double.isNaN(first)) {
                        first = then instanceof Pure pure ? pure.at(0) : 1;
                    }
                    return first * (t + 1) / (steps + 1);
                }
                return after.multiplier(t - steps, loss);
            }
        };
    }

    @Override
    public double momentum(int t) {
        return t < steps ? then.momentum(0) : then.momentum(t - steps);
    }
}
