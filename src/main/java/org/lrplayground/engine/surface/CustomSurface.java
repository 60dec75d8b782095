package org.lrplayground.engine.surface;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * A user's expression in x and y over a box. Its minima are searched numerically
 * ({@link MinimumSearch}); with none inside the box the surface counts as unbounded below.
 *
 * <p>Default start: of the four points a quarter of the way in from the box's corners (upper
 * left, upper right, lower left, lower right, in that order of preference), the one farthest from
 * the best minimum, or from the box centre when there is none.
 *
 * <p>Two custom surfaces are equal when their source text and box are, so run specs compare equal
 * after a round trip through the run format. Shared instances are thread-safe: each call and each
 * run's sampler evaluates with its own scratch stacks.
 */
final class CustomSurface implements Surface {

    /** Box scans for f* by all custom surfaces, for {@link Surfaces#customBoxScans}. */
    static final LongAdder BOX_SCANS = new LongAdder();

    private final String source;
    private final Box box;
    private final Expression expression;
    private final List<Minimum> minima;
    private final Point start;
    /**
     * f* of the box last asked for. It takes a 401² scan, and a spec asks once per run, per batch,
     * per answer and per chart; almost always for the surface's own box.
     */
    private volatile BoxFStar fStar;

    private record BoxFStar(Box box, double value) {
    }

    CustomSurface(String source, Box box) {
        this.source = source;
        this.box = Objects.requireNonNull(box);
        this.expression = Expression.parse(source);
        this.minima = MinimumSearch.find(expression.evaluator(), box);
        this.start = farthestQuarterPoint();
    }

    private Point farthestQuarterPoint() {
        Point from = minima.isEmpty()
                ? new Point((box.xMin() + box.xMax()) / 2, (box.yMin() + box.yMax()) / 2)
                : minima.getFirst().at();
        double left = box.xMin() + box.width() / 4;
        double right = box.xMax() - box.width() / 4;
        double upper = box.yMax() - box.height() / 4;
        double lower = box.yMin() + box.height() / 4;
        Point best = null;
        for (Point p : List.of(new Point(left, upper), new Point(right, upper), new Point(left, lower),
                new Point(right, lower))) {
            if (best == null || p.distanceTo(from) > best.distanceTo(from)) {
                best = p;
            }
        }
        return best;
    }

    String source() {
        return source;
    }

    @Override
    public String id() {
        return "custom";
    }

    @Override
    public String name() {
        return "Custom";
    }

    @Override
    public String formula() {
        return source;
    }

    @Override
    public Box box() {
        return box;
    }

    @Override
    public Point start() {
        return start;
    }

    @Override
    public List<Minimum> minima() {
        return minima;
    }

    /**
     * The best minimum found, or lower box values where f keeps falling towards the edge: the
     * search only sees interior minima, and Eve and Polyak need f − f* ≥ 0 on the whole box.
     */
    @Override
    public double fStar(Box box) {
        BoxFStar known = fStar;
        if (known == null || !known.box().equals(box)) {
            // Two threads may both scan a new box; they find the same value, so either may keep it.
            BOX_SCANS.increment();
            double lowest = box.minimumOf(this);
            known = new BoxFStar(box, unboundedBelow() ? lowest : Math.min(minima.getFirst().value(), lowest));
            fStar = known;
        }
        return known.value();
    }

    /**
     * 1 + n / 6 for a program of n instructions: the interpreter's cost grows with the program,
     * about a sixth of a built-in step per instruction (measured on a run's lane against
     * Rosenbrock: 9 instructions cost 3 built-in steps, 40 cost 6; BENCHMARKS.md).
     */
    @Override
    public double stepCost() {
        return 1 + expression.size() / 6.0;
    }

    @Override
    public double value(double x, double y) {
        return gradient(x, y, new double[2]);
    }

    @Override
    public double gradient(double x, double y, double[] grad) {
        return expression.evaluator().sample(x, y, grad);
    }

    /** One evaluator (its scratch stacks) for all n points, not one per point as {@link #gradient} needs. */
    @Override
    public void gradients(int n, double[] xy, double[] grad, double[] loss) {
        Pointwise.gradients(expression.evaluator(), n, xy, grad, loss);
    }

    @Override
    public Sampler sampler(SplittableRandom random, int batch) {
        return expression.evaluator();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CustomSurface c && c.source.equals(source) && c.box.equals(box);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, box);
    }

    @Override
    public String toString() {
        return "CustomSurface[" + source + " over " + box + "]";
    }
}
