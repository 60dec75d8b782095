package org.lrplayground.engine.finder;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.lrplayground.engine.finder.LrCurve.Stop;
import org.lrplayground.engine.optim.Optimizer;
import org.lrplayground.engine.param.Method;
import org.lrplayground.engine.param.Numbers;
import org.lrplayground.engine.param.Param;
import org.lrplayground.engine.run.Cost;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.engine.run.RunStatus;
import org.lrplayground.engine.run.WatchedRun;
import org.lrplayground.engine.surface.Point;

/**
 * The learning-rate finder: Smith's "LR range test" (Smith 2015, "Cyclical Learning Rates for
 * Training Neural Networks", arXiv 1506.01186, §3.3) in the exponential form of fastai's
 * {@code lr_find}. One short mock run raises the rate at every step; the loss falls slowly at tiny
 * rates, fast at good ones and blows up at too large ones, and the curve shows where.
 *
 * <pre>
 *   η_i = start_lr · (end_lr / start_lr)^(i / (num_it − 1)),   i = 0 … num_it − 1
 *   θ_{i+1} = θ_i − u_i(η_i)            one optimizer step at rate η_i; its state (m, v, …) carries on
 *   L_i = f(θ_{i+1})                    the loss that step produced
 *   a_i = β a_{i−1} + (1 − β) L_i,  a_{−1} = 0;   S_i = a_i / (1 − β^(i+1))      (β = 0.98, debiased)
 *   stop when S_i − f* &gt; 4 (min_{j≤i} S_j − f*), or anything is not finite
 *   steep   = η_k,  k = argmin_j (S_{j+1} − S_j) / (ln η_{j+1} − ln η_j)
 *   minimum = η_k / 10,  k = argmin_j S_j
 * </pre>
 * Both suggestions look at the points left after dropping the first {@code num_it / 10} and the last 5,
 * as fastai does: the first are smoothing transients, the last the blow-up. Defaults (fastai):
 * start_lr 1e-7, end_lr 10, num_it 100.
 *
 * <p>The optimizer's own lr is ignored: the swept rate is each step's η ({@link org.lrplayground.engine.optim.StepContext#eta}), the
 * place a schedule's value goes in a run, so one optimizer is stepped while its rate changes, as in
 * fastai. Each sweep starts a fresh optimizer state on its own copy of θ, so nothing shared changes
 * (fastai saves and restores the model instead); it steps through the races' own loop
 * ({@link WatchedRun}), so a step counts as unusable exactly when it would in a race. Gradients come from the surface's sampler with the
 * spec's seed, mini-batch size and noise, in the same random stream as a run, so a sweep is
 * reproducible.
 *
 * <p>Where this differs from fastai, and why: each rate is paired with the loss after its own step
 * (fastai records the batch loss computed before the step, one rate earlier), because here the full
 * loss costs nothing extra; and the 4× test measures losses above f*, which is fastai's test for
 * losses ≥ 0 and keeps it meaningful on surfaces whose minimum is negative. On a surface unbounded
 * below the sweep also ends when θ leaves the box, where the loss falls forever.
 *
 * @param startLr the first rate, &gt; 0
 * @param endLr   the last rate, &gt; startLr
 * @param numIt   the number of steps, at least 2
 */
public record LrFinder(double startLr, double endLr, int numIt) {

    static final Param START_LR = Param.lr("start_lr", 1e-7, "the first (smallest) rate of the sweep");
    static final Param END_LR = Param.lr("end_lr", 10, "the last (largest) rate of the sweep");
    static final Param NUM_IT = Param.integer("num_it", 100, 2, 10_000, "steps of the sweep, one per rate");

    public static final Method<LrFinder> METHOD = new Method<>("lr_find", "Learning-rate finder",
            "Raises the rate exponentially step by step and watches where the loss falls fastest.",
            List.of(START_LR, END_LR, NUM_IT), v -> new LrFinder(v.get(START_LR), v.get(END_LR), v.getInt(NUM_IT)));

    /** fastai's defaults: 1e-7 to 10 in 100 steps. */
    public static final LrFinder DEFAULT = METHOD.create(METHOD.defaults(Param.Context.NONE));

    /** β of the loss smoothing. */
    static final double BETA = 0.98;
    /** The sweep stops once the smoothed loss exceeds this multiple of its best. */
    static final double DIVERGENCE = 4;
    /** Points dropped at the end before suggesting, as fastai's {@code lr_find} does. */
    static final int SKIP_END = 5;

    public LrFinder {
        START_LR.check(startLr);
        END_LR.check(endLr);
        NUM_IT.check(numIt);
        if (startLr >= endLr) {
            throw new IllegalArgumentException("start_lr = " + Numbers.format(startLr)
                    + " is not accepted: it must be below end_lr = " + Numbers.format(endLr));
        }
    }

    /** The rate of step i, 0 ≤ i &lt; numIt. */
    public double lr(int i) {
        return startLr * Math.pow(endLr / startLr, (double) i / (numIt - 1));
    }

    /**
     * Sweeps {@code optimizer} over {@code spec}'s surface from {@code start}, with its noise, seed and
     * mini-batch size; the spec's runs and steps are ignored. For a run of the spec pass
     * {@code spec.startOf(run)} and {@code run.optimizer().instance()}: its schedule and lr play no part.
     */
    /** What {@link #find} costs: {@link #numIt} steps on the spec's surface. */
    public Cost cost(RunSpec spec) {
        return new Cost(numIt * spec.surface().stepCost(), NUM_IT.name());
    }

    public LrCurve find(RunSpec spec, Point start, Optimizer optimizer) {
        Smoothing watch = new Smoothing(spec.surface().fStar(spec.box()));
        RunStatus end = WatchedRun.run(spec, start, optimizer, this::lr, numIt, watch.fStar, watch);
        boolean started = !(end.kind() == RunStatus.Kind.DIVERGED && end.step() == 0);
        Stop stop = switch (end.kind()) {
            case STOPPED -> watch.stop;
            case DIVERGED -> Stop.NON_FINITE;
            case LEFT_BOX -> Stop.LEFT_BOX;
            case MAX_STEPS -> Stop.SWEPT;
            case RUNNING, CONVERGED -> throw new IllegalStateException("a watched run does not end " + end.kind().id());
        };
        int n = watch.n;
        double[] lrs = Arrays.copyOf(watch.lrs, n);
        double[] smoothed = Arrays.copyOf(watch.smoothed, n);
        return new LrCurve(lrs, Arrays.copyOf(watch.losses, n), smoothed, stop, reason(stop, started, lrs),
                steep(lrs, smoothed), minimum(lrs, smoothed));
    }

    /** Records each step's rate and loss, smooths the loss and ends the sweep once it has blown up. */
    private final class Smoothing implements WatchedRun.Watcher {
        final double fStar;
        final double[] lrs = new double[numIt];
        final double[] losses = new double[numIt];
        final double[] smoothed = new double[numIt];
        int n;
        double average;
        double betaPower = 1;
        double best = Double.POSITIVE_INFINITY;
        Stop stop;

        Smoothing(double fStar) {
            this.fStar = fStar;
        }

        @Override
        public boolean stop(int t, double eta, double loss) {
            average = BETA * average + (1 - BETA) * loss;
            betaPower *= BETA;
            double s = average / (1 - betaPower);
            if (!Double.isFinite(s)) {
                stop = Stop.NON_FINITE;
                return true;
            }
            lrs[n] = eta;
            losses[n] = loss;
            smoothed[n] = s;
            n++;
            best = Math.min(best, s);
            stop = Stop.DIVERGED;
            return s - fStar > DIVERGENCE * (best - fStar);
        }
    }

    private String reason(Stop stop, boolean started, double[] lrs) {
        String at = lrs.length == 0 ? "" : "stopped after lr = " + rate(lrs[lrs.length - 1]) + " (step "
                + lrs.length + "): ";
        return switch (stop) {
            case SWEPT -> "swept all " + numIt + " rates from " + Numbers.format(startLr) + " to " + Numbers.format(endLr)
                    + " without the loss diverging";
            case DIVERGED -> at + "the smoothed loss rose above " + Numbers.format(DIVERGENCE) + "× its best";
            case NON_FINITE -> started
                    ? at + "the " + (lrs.length == 0 ? "first" : "next")
                            + " step made the position, loss or gradient infinite or undefined"
                    : "the loss or gradient at the start point is not a finite number: pick another start";
            case LEFT_BOX -> at + "left the box of a surface with no minimum, where the loss falls forever";
        };
    }

    /** The first point the suggestions look at (they end {@link #SKIP_END} before the last). */
    private int keptFrom() {
        return numIt / 10;
    }

    private Suggestion steep(double[] lrs, double[] smoothed) {
        int from = keptFrom();
        int to = lrs.length - SKIP_END;
        if (to - from < 2) {
            return Suggestion.none(tooFew(lrs.length, "two", "measure a slope"));
        }
        int k = from;
        double steepest = Double.POSITIVE_INFINITY;
        for (int j = from; j + 1 < to; j++) {
            double slope = (smoothed[j + 1] - smoothed[j]) / (Math.log(lrs[j + 1]) - Math.log(lrs[j]));
            if (slope < steepest) {
                steepest = slope;
                k = j;
            }
        }
        if (!(steepest < 0)) {
            return Suggestion.none("no steepest-descent rate: the smoothed loss never fell during the sweep");
        }
        return Suggestion.of(lrs[k], "the smoothed loss falls fastest at lr = " + rate(lrs[k]));
    }

    private Suggestion minimum(double[] lrs, double[] smoothed) {
        int from = keptFrom();
        int to = lrs.length - SKIP_END;
        if (to - from < 1) {
            return Suggestion.none(tooFew(lrs.length, "one", "find a minimum"));
        }
        int k = from;
        for (int j = from + 1; j < to; j++) {
            if (smoothed[j] < smoothed[k]) {
                k = j;
            }
        }
        return Suggestion.of(lrs[k] / 10, "a tenth of lr = " + rate(lrs[k]) + ", where the smoothed loss is lowest");
    }

    private String tooFew(int points, String needed, String purpose) {
        return "no suggestion: the sweep recorded " + points + " point" + (points == 1 ? "" : "s")
                + "; without the first " + keptFrom() + " and the last " + SKIP_END + " (as fastai) fewer than "
                + needed + " remain to " + purpose;
    }

    /** Measured rates for people: three significant digits (configured ones go through {@link Numbers}). */
    private static String rate(double value) {
        return String.format(Locale.ROOT, "%.3g", value);
    }
}
