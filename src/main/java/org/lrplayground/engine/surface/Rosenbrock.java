package org.lrplayground.engine.surface;

import java.util.List;

/**
 * Rosenbrock's banana valley, f = (1 − x)² + 100 (y − x²)², minimum 0 at (1, 1). The valley is
 * easy to find and flat along its floor: the seed Q&A's example of why annealing by error stalls.
 */
public record Rosenbrock() implements Surface {

    @Override
    public String id() {
        return "rosenbrock";
    }

    @Override
    public String name() {
        return "Rosenbrock";
    }

    @Override
    public String formula() {
        return "(1 − x)² + 100 (y − x²)²";
    }

    @Override
    public Box box() {
        return new Box(-2, 2, -1, 3);
    }

    @Override
    public Point start() {
        return new Point(-1.5, 2);
    }

    @Override
    public List<Minimum> minima() {
        return List.of(new Minimum(1, 1, 0));
    }

    @Override
    public double value(double x, double y) {
        double a = 1 - x;
        double b = y - x * x;
        return a * a + 100 * b * b;
    }

    @Override
    public double gradient(double x, double y, double[] grad) {
        double a = 1 - x;
        double b = y - x * x;
        grad[0] = -2 * a - 400 * x * b;
        grad[1] = 200 * b;
        return a * a + 100 * b * b;
    }

    /** The same loop as the default, where this record's gradient can be inlined (see {@link Pointwise}). */
    @Override
    public void gradients(int n, double[] xy, double[] grad, double[] loss) {
        Pointwise.gradients(this::gradient, n, xy, grad, loss);
    }
}
