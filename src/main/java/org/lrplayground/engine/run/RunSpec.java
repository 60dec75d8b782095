package org.lrplayground.engine.run;

import java.util.List;
import java.util.SplittableRandom;
import org.lrplayground.engine.param.Values;
import org.lrplayground.engine.surface.Box;
import org.lrplayground.engine.surface.Point;
import org.lrplayground.engine.surface.Surface;

/**
 * The whole problem: a surface and its plot box, a start point, the number of steps, gradient
 * noise, the seed, the mini-batch size (linreg) and 1 to 12 optimizer runs. Immutable and
 * complete: every default is filled in, so formatting it gives the normalised link.
 *
 * @param surface       the surface instance
 * @param surfaceValues its parameters (e.g. the ravine's kappa)
 * @param box           the plot box (divergence bound, "left-box" edge, f* of unbounded surfaces)
 * @param start         θ₀ of every run that has no start of its own
 * @param steps         number of updates, 1 … {@link #MAX_STEPS}
 * @param noise         σ of Gaussian noise added to each gradient coordinate (0 = none)
 * @param seed          seeds the noise and the mini-batch order: the same seed gives the same run
 * @param batch         mini-batch size for data-fitting surfaces
 * @param runs          the optimizer runs, 1 … {@link #MAX_RUNS}
 */
public record RunSpec(Surface surface, Values surfaceValues, Box box, Point start, int steps, double noise, long seed,
                      int batch, List<RunConfig> runs) {

    public static final int MAX_STEPS = 100_000;
    public static final int MAX_RUNS = 12;

    public RunSpec {
        runs = List.copyOf(runs);
        if (steps < 1 || steps > MAX_STEPS) {
            throw new IllegalArgumentException("steps must be a whole number from 1 to " + MAX_STEPS + " (got " + steps + ")");
        }
        if (runs.isEmpty() || runs.size() > MAX_RUNS) {
            throw new IllegalArgumentException("a spec needs 1 to " + MAX_RUNS + " runs (got " + runs.size() + ")");
        }
        if (!(noise >= 0 && Double.isFinite(noise))) {
            throw new IllegalArgumentException("noise must be a finite number ≥ 0 (got " + noise + ")");
        }
        if (batch < 1 || batch > Math.max(1, surface.dataRows())) {
            throw new IllegalArgumentException("batch = " + batch + " is not accepted: " + (surface.dataRows() == 0
                    ? surface.id() + " has no data rows, so batch must be 1"
                    : "a mini-batch holds 1 to " + surface.dataRows() + " rows of " + surface.id() + "'s data"));
        }
    }

    /**
     * The gradients one run sees, from a fresh random stream of {@link #seed}: the surface's
     * (mini-batch) sampler plus Gaussian noise of σ = {@link #noise} on each coordinate.
     */
    public Surface.Sampler sampler() {
        SplittableRandom random = new SplittableRandom(seed);
        Surface.Sampler exact = surface.sampler(random, batch);
        if (noise == 0) {
            return exact;
        }
        return (x, y, grad) -> {
            double f = exact.sample(x, y, grad);
            grad[0] += noise * random.nextGaussian();
            grad[1] += noise * random.nextGaussian();
            return f;
        };
    }

    /**
     * Whether every run sees the surface's exact gradient (no noise, no mini-batches of data), so
     * that {@link #sampler} gives the same as {@link Surface#gradient} and runs need no random stream.
     */
    public boolean exactGradients() {
        return noise == 0 && surface.dataRows() == 0;
    }

    /** θ₀ of a run: its own start, or else the spec's. */
    public Point startOf(RunConfig run) {
        return run.start() != null ? run.start() : start;
    }

    public RunSpec withRuns(List<RunConfig> newRuns) {
        return new RunSpec(surface, surfaceValues, box, start, steps, noise, seed, batch, newRuns);
    }
}
