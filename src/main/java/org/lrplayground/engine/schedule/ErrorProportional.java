package org.lrplayground.engine.schedule;

/**
 * Error-proportional annealing, the naive answer to the seed question "can the rate follow the
 * error?": η_t = η₀ · (f(θ_t) − f*) / (f(θ₀) − f*), a feedback schedule that needs the surface's
 * minimum value f*. It is offered to show why it fails: in Rosenbrock's flat valley the loss falls
 * slowly, the rate falls with it, and the run stalls far from the minimum.
 *
 * <p>Guards, so that it stays a rate: the ratio is clamped to [0, 1] (a loss rising above the
 * start keeps η₀ rather than speeding a divergence; a loss below f*, possible only outside the box
 * of a surface unbounded below, gives 0), and a start already at f* (f(θ₀) = f*) gives 1. θ₀ is the
 * point where the schedule takes over: after a warm-up, the end of the ramp.
 */
public record ErrorProportional() implements Schedule {

    @Override
    public Tracker start(double fStar) {
        return new Tracker() {
            private double first = Double.NaN;

            @Override
            public double multiplier(int t, double loss) {
                double gap = loss - fStar;
                if (Double.isNaN(first)) {
                    first = gap;
                }
                return first > 0 ? Math.clamp(gap / first, 0.0, 1.0) : 1;
            }
        };
    }
}
