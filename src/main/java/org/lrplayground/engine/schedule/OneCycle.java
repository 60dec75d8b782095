package org.lrplayground.engine.schedule;

import org.lrplayground.engine.param.Numbers;
import org.lrplayground.engine.param.Param;

/**
 * The one-cycle policy (Smith &amp; Topin, arXiv 1708.07120), as PyTorch's {@code OneCycleLR} with
 * cosine annealing in both phases (fastai's {@code fit_one_cycle}). Over T = total_steps steps:
 * <pre>
 *   η_initial = max_lr / div_factor,   η_final = η_initial / final_div_factor,   p = pct_start · T − 1
 *   t ≤ p:  η_t = cos-anneal(η_initial → max_lr, t / p)               momentum max → base_momentum
 *   t &gt; p:  η_t = cos-anneal(max_lr → η_final, (t − p) / (T − 1 − p))   momentum base → max_momentum
 * </pre>
 * where cos-anneal(a → b, x) = b + ½ (a − b)(1 + cos(π x)). Since the update that produces θ_t uses
 * the value at t − 1, update number pct_start · T takes the peak max_lr and the last update of a
 * T-step run takes η_final, exactly as in PyTorch. Momentum (β₁ for Adam-like optimizers) moves
 * against the rate when cycle_momentum is on.
 *
 * <p>Defaults are PyTorch's: pct_start 0.3, div_factor 25, final_div_factor 1e4, base_momentum
 * 0.85, max_momentum 0.95; max_lr defaults to the run's lr and total_steps to the run's steps.
 * Where we differ: PyTorch raises an error after T steps, we hold η_final (a warm-up in front
 * runs this many steps longer); with p = 0 PyTorch divides by zero, we start at the peak. Only
 * PyTorch's default two-phase form is offered (no {@code three_phase}, no linear annealing).
 *
 * @param maxLr          the peak rate ({@code max_lr}), absolute
 * @param totalSteps     the length of the cycle ({@code total_steps})
 * @param pctStart       the share of the cycle spent rising ({@code pct_start}), 0 &lt; pct_start ≤ 0.99
 * @param divFactor      η_initial = max_lr / div_factor
 * @param finalDivFactor η_final = η_initial / final_div_factor
 * @param cycleMomentum  whether momentum cycles against the rate
 * @param baseMomentum   the momentum at the peak rate, at most max_momentum
 * @param maxMomentum    the momentum at the start and end of the cycle
 * @param lr             the run's base lr, to turn the absolute rates into multipliers
 */
public record OneCycle(double maxLr, int totalSteps, double pctStart, double divFactor, double finalDivFactor,
                       boolean cycleMomentum, double baseMomentum, double maxMomentum, double lr)
        implements Schedule.Pure {

    static final Param MAX_LR = Param.lr("max_lr", 0.01, "the peak rate (absolute; default: the run's lr)")
            .withDefault(c -> c.lr());
    static final Param TOTAL_STEPS = Param.integer("total_steps", 1000, 1, 1_000_000,
            "length of the cycle (default: the run's steps)").withDefault(c -> c.steps());
    static final Param PCT_START = Param.above("pct_start", 0.3, 0, 0.99, "share of the cycle spent raising the rate");
    static final Param DIV_FACTOR = Param.real("div_factor", 25, 1, 1e6, "the cycle starts at max_lr / div_factor");
    static final Param FINAL_DIV_FACTOR = Param.real("final_div_factor", 1e4, 1, 1e9,
            "the cycle ends at max_lr / (div_factor · final_div_factor)");
    static final Param CYCLE_MOMENTUM = Param.bool("cycle_momentum", true,
            "move momentum (or beta1) against the rate, overriding the optimizer's value");
    static final Param BASE_MOMENTUM = Param.real("base_momentum", 0.85, 0, 0.999, "the momentum at the peak rate");
    static final Param MAX_MOMENTUM = Param.real("max_momentum", 0.95, 0, 0.999,
            "the momentum at the start and the end of the cycle");

    public OneCycle {
        MAX_LR.check(maxLr);
        TOTAL_STEPS.check(totalSteps);
        PCT_START.check(pctStart);
        DIV_FACTOR.check(divFactor);
        FINAL_DIV_FACTOR.check(finalDivFactor);
        BASE_MOMENTUM.check(baseMomentum);
        MAX_MOMENTUM.check(maxMomentum);
        Schedules.checkLr(lr);
        if (baseMomentum > maxMomentum) {
            throw new IllegalArgumentException("base_momentum = " + Numbers.format(baseMomentum)
                    + " must not exceed max_momentum = " + Numbers.format(maxMomentum)
                    + " (accepted: base_momentum ≤ max_momentum)");
        }
    }

    @Override
    public double at(int t) {
        double initial = maxLr / divFactor;
        return phases(t, initial, maxLr, initial / finalDivFactor) / lr;
    }

    @Override
    public double momentum(int t) {
        return cycleMomentum ? phases(t, maxMomentum, baseMomentum, maxMomentum) : Double.NaN;
    }

    /** From {@code start} to {@code peak} over steps 0 … p, then to {@code end} at T − 1, held after. */
    private double phases(int t, double start, double peak, double end) {
        double p = pctStart * totalSteps - 1;
        if (t <= p) {
            return Cosine.anneal(start, peak, p > 0 ? t / p : 1);
        }
        return Cosine.anneal(peak, end, Math.min(1, (t - p) / (totalSteps - 1 - p)));
    }
}
