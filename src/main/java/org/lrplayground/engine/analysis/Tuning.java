package org.lrplayground.engine.analysis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.lrplayground.engine.param.Numbers;
import org.lrplayground.engine.param.Param;
import org.lrplayground.engine.run.Batch;
import org.lrplayground.engine.run.Cost;
import org.lrplayground.engine.run.Progress;
import org.lrplayground.engine.run.RunConfig;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.engine.run.RunStatus;
import org.lrplayground.engine.surface.Box;
import org.lrplayground.engine.surface.Point;

/**
 * A fair tuning of a scene's runs, after the critics of pytorch-optimizer's pictures (#71: only the
 * lr is searched; #219: a fixed budget favours fast starters, and ranking by the last point rewards
 * a lucky bounce): every run's lr swept on the same kind of log grid, with the scene's step budget for
 * every optimizer, from the same seeded starts, scored by one documented {@link Target}; the median
 * over the starts counts.
 *
 * <ul>
 * <li><b>Grid of lr</b>: n values lr_k = d · 10^(−3 + 6k/(n − 1)), k = 0 … n − 1, around the
 * optimizer's declared default d (PyTorch's; SGD 0.01), the top capped at lr's largest accepted value
 * (100). With the default n = 25 that is four values per decade. Every value is rounded to three
 * significant digits, as the lr slider shows rates, so the value scored is the value applied.</li>
 * <li><b>One more key</b> on request ({@link #sweepable}): a decay in [0, 1) such as momentum or β₁
 * is swept on a log grid of 1 − v from 0.5 down to (1 − default)/10 (momentum 0.9: 0.5 … 0.99),
 * any other positive real on d · 10^(∓3) within its accepted range; both keys together form an
 * n × n grid, and each curve then shows, per value, the best score over the other key.</li>
 * <li><b>Starts</b>: start 0 is the run's own (its own start or the scene's); the others are
 * drawn uniformly from the box by {@code SplittableRandom(}{@link #SEED}{@code )}, the same for every
 * run and every value.</li>
 * <li><b>Failures</b>: a run that diverged or left the box scores +∞, so does a run that never
 * converged under {@link Target#STEPS}, and a pair of values the optimizer rejects (Eve's K below its k). The median of an even number of scores is the mean of the
 * middle two, +∞ once half the starts fail. The best value has the lowest score (the smallest value
 * on a tie); a run with +∞ everywhere has none (NaN).</li>
 * </ul>
 */
public final class Tuning {

    /** Values per swept key. 41 × 41 pairs × 16 starts are the most one answer should compute. */
    public static final Param GRID = Param.integer("grid", 25, 3, 41, "values of each swept key, on a log grid");
    /** Seeded starts per value; the median of their scores counts. */
    public static final Param STARTS = Param.integer("starts", 4, 1, 16, "starts per value: the scene's, then seeded random ones in the box");
    /** Decades on either side of the optimizer's default lr. */
    public static final int DECADES = 3;
    /** Seeds the random starts, so that a tuning answers the same every time. */
    public static final long SEED = 1;
    /** The share of the budget whose mean f − f* {@link Target#TAIL} takes: the last tenth. */
    static final int TAIL_SHARE = 10;

    /** What a value is scored by, for one start; lower is better. */
    public enum Target {
        /** The default: a single lucky point near the minimum cannot win it. */
        TAIL("tail", "mean f − f* over the last 10 % of steps"),
        FINAL("final", "f − f* at the last step"),
        /** The step whose gradient norm fell below 1e-8, the playground's "converged". */
        STEPS("steps", "steps to converge");

        private final String id;
        private final String description;

        Target(String id, String description) {
            this.id = id;
            this.description = description;
        }

        /** The name in links and the API, e.g. {@code tail}. */
        public String id() {
            return id;
        }

        /** What it measures, for axes and help. */
        public String description() {
            return description;
        }

        public static Optional<Target> byId(String id) {
            return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
        }
    }

    /**
     * How to tune.
     *
     * @param grid   values per key, in {@link #GRID}'s range
     * @param starts starts per value, in {@link #STARTS}'s range
     * @param also   the one more key to sweep where a run's optimizer has it ({@link #sweepable}), or null
     */
    public record Settings(int grid, int starts, Target target, String also) {

        public static final Settings DEFAULT = new Settings((int) GRID.defaultValue(Param.Context.NONE),
                (int) STARTS.defaultValue(Param.Context.NONE), Target.TAIL, null);

        public Settings {
            GRID.checkInt(grid);
            STARTS.checkInt(starts);
            if (target == null) {
                throw new IllegalArgumentException("a tuning needs a target");
            }
        }
    }

    /**
     * One swept key of one run: its values, their scores (+∞ where the value failed) and the best value.
     *
     * @param best the value with the lowest score; NaN when every score is +∞
     */
    public record Sweep(String parameter, double[] values, double[] scores, double best) {
    }

    /**
     * One run's tuning.
     *
     * @param run   its index in the scene, from 0
     * @param label its label ({@link RunConfig#label})
     * @param also  the sweep of {@link Settings#also}, null when the run's optimizer has no such key
     */
    public record Tuned(int run, String label, Sweep lr, Sweep also) {

        /** The run set to its best values; itself when every value failed. */
        public RunConfig best(RunConfig config) {
            if (Double.isNaN(lr.best())) {
                return config;
            }
            RunConfig tuned = config.withOptimizerValue("lr", lr.best());
            return also == null ? tuned : tuned.withOptimizerValue(also.parameter(), also.best());
        }
    }

    private Tuning() {
    }

    /**
     * Tunes every run of {@code scene}.
     *
     * @throws IllegalArgumentException when {@code settings.also()} is a key no run can sweep
     */
    public static List<Tuned> of(RunSpec scene, Settings settings) {
        return of(scene, settings, Progress.NONE);
    }

    /** As {@link #of(RunSpec, Settings)}, reporting to {@code progress}, which may stop it. */
    public static List<Tuned> of(RunSpec scene, Settings settings, Progress progress) {
        if (settings.also() != null && !sweepable(scene).contains(settings.also())) {
            throw new IllegalArgumentException("also = " + settings.also() + " is not accepted: this scene's runs can also sweep "
                    + sweepable(scene));
        }
        int n = settings.grid();
        List<Point> random = randomStarts(scene.box(), settings.starts() - 1);
        double fStar = scene.surface().fStar(scene.box());
        int tail = tail(scene.steps());
        List<Tuned> out = new ArrayList<>();
        for (int r = 0; r < scene.runs().size(); r++) {
            RunConfig config = scene.runs().get(r);
            double[] lrs = grid(config, "lr", n);
            double[] alsos = settings.also() != null && config.optimizer().method().param(settings.also()) != null
                    ? grid(config, settings.also(), n) : null;
            int m = alsos == null ? 1 : n;
            List<Point> starts = new ArrayList<>(settings.starts());
            starts.add(scene.startOf(config));
            starts.addAll(random);
            double[][] scores = new double[n][m];
            IntStream.range(0, n * m).parallel().forEach(k -> {
                RunConfig at;
                try {
                    at = config.withOptimizerValue("lr", lrs[k / m]);
                    if (alsos != null) {
                        at = at.withOptimizerValue(settings.also(), alsos[k % m]);
                    }
                } catch (IllegalArgumentException rejected) {
                    // A value the optimizer rejects beside the run's others (Eve's K below its k) is no candidate.
                    scores[k / m][k % m] = Double.POSITIVE_INFINITY;
                    return;
                }
                scores[k / m][k % m] = score(scene, at, starts, settings.target(), tail, fStar, progress);
            });
            out.add(tuned(r, config.label(), lrs, settings.also(), alsos, scores));
        }
        return out;
    }

    /**
     * What {@link #of} costs: per run, grid values of lr (times grid values of {@code also} where the
     * run has that key) × starts runs of the scene's steps. The grid enters squared with also, so
     * it is the key to lower.
     */
    public static Cost cost(RunSpec scene, Settings settings) {
        long runs = 0;
        for (RunConfig config : scene.runs()) {
            boolean also = settings.also() != null && config.optimizer().method().param(settings.also()) != null;
            runs += (long) settings.grid() * (also ? settings.grid() : 1) * settings.starts();
        }
        return Cost.of(scene, runs, GRID.name());
    }

    /** The keys besides lr that {@link Settings#also} may name: those at least one of the scene's runs can sweep. */
    public static List<String> sweepable(RunSpec scene) {
        return scene.runs().stream().flatMap(run -> run.optimizer().method().params().stream()
                        .filter(p -> !p.name().equals("lr") && range(p, defaultOf(run, p)) != null)
                        .map(Param::name))
                .distinct().toList();
    }

    /** The steps {@link Target#TAIL} averages over: the last tenth of the budget, at least one. */
    public static int tail(int steps) {
        return Math.max(1, (steps + TAIL_SHARE - 1) / TAIL_SHARE);
    }

    /** The median: the middle score, or the mean of the middle two; +∞ stays +∞. */
    static double median(double[] scores) {
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        int half = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
    }

    /** The median over {@code starts} of the runs' scores. */
    private static double score(RunSpec scene, RunConfig config, List<Point> starts, Target target, int tail, double fStar,
                                Progress progress) {
        Batch batch = target == Target.TAIL ? Batch.runWithTail(scene, config, starts, tail, progress)
                : Batch.run(scene, config, starts, false, progress);
        double[] scores = new double[starts.size()];
        for (int i = 0; i < scores.length; i++) {
            RunStatus.Kind kind = batch.status(i).kind();
            double s;
            if (kind == RunStatus.Kind.DIVERGED || kind == RunStatus.Kind.LEFT_BOX) {
                s = Double.POSITIVE_INFINITY;
            } else {
                s = switch (target) {
                    case TAIL -> batch.tailMean(i);
                    case FINAL -> batch.loss(i) - fStar;
                    case STEPS -> kind == RunStatus.Kind.CONVERGED ? batch.status(i).step() : Double.POSITIVE_INFINITY;
                };
            }
            scores[i] = Double.isNaN(s) ? Double.POSITIVE_INFINITY : s;
        }
        return median(scores);
    }

    /** The run's sweeps from its n × m scores, each key's curve the best over the other key. */
    private static Tuned tuned(int run, String label, double[] lrs, String also, double[] alsos, double[][] scores) {
        int n = lrs.length, m = scores[0].length;
        double[] byLr = new double[n];
        double[] byAlso = new double[m];
        Arrays.fill(byLr, Double.POSITIVE_INFINITY);
        Arrays.fill(byAlso, Double.POSITIVE_INFINITY);
        int bestI = -1, bestJ = -1;
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double s = scores[i][j];
                byLr[i] = Math.min(byLr[i], s);
                byAlso[j] = Math.min(byAlso[j], s);
                if (s < best) {
                    best = s;
                    bestI = i;
                    bestJ = j;
                }
            }
        }
        Sweep lr = new Sweep("lr", lrs, byLr, bestI < 0 ? Double.NaN : lrs[bestI]);
        Sweep other = alsos == null ? null : new Sweep(also, alsos, byAlso, bestJ < 0 ? Double.NaN : alsos[bestJ]);
        return new Tuned(run, label, lr, other);
    }

    /** The n values of {@code key} swept for {@code run}, from the smallest. */
    static double[] grid(RunConfig run, String key, int n) {
        Param p = run.optimizer().method().param(key);
        double[] range = key.equals("lr")
                ? new double[] {defaultOf(run, p) / Math.pow(10, DECADES), Math.min(p.max(), defaultOf(run, p) * Math.pow(10, DECADES))}
                : range(p, defaultOf(run, p));
        double[] values = new double[n];
        boolean decay = decay(p);
        for (int k = 0; k < n; k++) {
            double v = range[0] * Math.pow(range[1] / range[0], (double) k / (n - 1));
            // A decay's grid is one of gaps to 1, rounded as gaps so that 0.9999 and 0.9998 stay apart.
            values[decay ? n - 1 - k : k] = decay
                    ? BigDecimal.ONE.subtract(BigDecimal.valueOf(Numbers.threeDigits(v))).doubleValue() : Numbers.threeDigits(v);
        }
        return values;
    }

    private static double defaultOf(RunConfig run, Param p) {
        return p.defaultValue(run.optimizer().values().context());
    }

    /** A decay such as momentum or β₂: a real in [0, 1). */
    private static boolean decay(Param p) {
        return p.kind() == Param.Kind.REAL && p.min() >= 0 && p.max() < 1;
    }

    /**
     * The ends of the log grid of a key other than lr with default {@code d}: for a decay the gaps
     * 1 − v from (1 − d)/10 (at least 1 − max) to 0.5; otherwise d · 10^(∓3) within the accepted
     * range. Null for a key that cannot be swept so (a switch, a whole number, a real whose default is 0).
     */
    private static double[] range(Param p, double d) {
        if (decay(p)) {
            double gap = Math.max((1 - d) / 10, 1 - p.max());
            return gap < 0.5 ? new double[] {gap, 0.5} : null;
        }
        if (p.kind() != Param.Kind.REAL || !(d > 0)) {
            return null;
        }
        double low = Math.max(d / Math.pow(10, DECADES), p.min());
        double high = Math.min(d * Math.pow(10, DECADES), p.max());
        return low > p.min() || !p.minOpen() ? new double[] {low, high} : null;
    }

    /** Starts drawn uniformly from the box, the same ones every time. */
    private static List<Point> randomStarts(Box box, int count) {
        SplittableRandom random = new SplittableRandom(SEED);
        List<Point> starts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            starts.add(new Point(box.xMin() + box.width() * random.nextDouble(), box.yMin() + box.height() * random.nextDouble()));
        }
        return starts;
    }
}
