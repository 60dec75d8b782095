package org.lrplayground.engine.surface;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A loss surface f(x, y) with its exact gradient and what users compare against: the known
 * minima and f*. Implementations are immutable and safe to share between runs and threads.
 */
public interface Surface {

    /** Lower-case id used in links, e.g. {@code rosenbrock}. */
    String id();

    /** Display name, e.g. "Rosenbrock". */
    String name();

    /** The formula as shown to users. */
    String formula();

    /** The default plot box. */
    Box box();

    /** The default start point. */
    Point start();

    /** The first parameter's name, for axes: "x", or "a" where a line is fitted to data. */
    default String xName() {
        return "x";
    }

    /** The second parameter's name, for axes: "y", or "b" where a line is fitted to data. */
    default String yName() {
        return "y";
    }

    /** Known minima; empty for surfaces without one (saddles). */
    List<Minimum> minima();

    /** Distance from (x, y) to the nearest known minimum; NaN when the surface has none. */
    default double distanceToNearestMinimum(double x, double y) {
        double best = Double.NaN;
        for (Minimum m : minima()) {
            double d = Math.hypot(x - m.at().x(), y - m.at().y());
            best = Double.isNaN(best) ? d : Math.min(best, d);
        }
        return best;
    }

    /** Whether f is unbounded below, so that runs stop when they leave the box ("left-box"). */
    default boolean unboundedBelow() {
        return minima().isEmpty();
    }

    /**
     * f*: the global minimum value, or for a surface unbounded below the minimum over the given
     * box (Eve and Polyak need f − f* ≥ 0 on the plotted region).
     */
    default double fStar(Box box) {
        return unboundedBelow() ? box.minimumOf(this)
                : minima().stream().mapToDouble(Minimum::value).min().orElseThrow();
    }

    /**
     * What one step on this surface costs in steps of a built-in surface, for the work budget
     * ({@code engine.run.Cost}): 1 for the built-in ones, whose gradients are compiled code.
     */
    default double stepCost() {
        return 1;
    }

    /**
     * Rows of data behind the surface (linreg), 0 for an analytic surface; mini-batches can hold
     * at most this many rows.
     */
    default int dataRows() {
        return 0;
    }

    /** f(x, y). */
    double value(double x, double y);

    /** Returns f(x, y) and writes the exact gradient into {@code grad[0]}, {@code grad[1]}. */
    double gradient(double x, double y, double[] grad);

    /**
     * f and its exact gradient at n points at once, laid out as a batch of runs holds them: point i
     * is (xy[i], xy[n + i]), its ∂f/∂x goes to grad[i], its ∂f/∂y to grad[n + i] and f to loss[i];
     * bit for bit what {@link #gradient} gives at each point. Closed-form surfaces override this
     * with {@link Pointwise#gradients}, whose loop the JIT turns into SIMD instructions.
     */
    default void gradients(int n, double[] xy, double[] grad, double[] loss) {
        Pointwise.gradients(this::gradient, n, xy, grad, loss);
    }

    /**
     * The gradients one run sees. Deterministic surfaces give the exact gradient; a data-fitting
     * surface (linreg) gives mini-batch gradients drawn with {@code random}.
     */
    default Sampler sampler(SplittableRandom random, int batch) {
        return this::gradient;
    }

    /** A source of (possibly stochastic) gradients; returns the full loss at the point. */
    @FunctionalInterface
    interface Sampler {
        double sample(double x, double y, double[] grad);
    }
}
