package org.lrplayground.engine.surface;

import java.util.List;

/**
 * Booth's function, f = (x + 2y − 7)² + (2x + y − 5)², minimum 0 at (1, 3): a convex quadratic
 * whose Hessian [[10, 8], [8, 10]] has eigenvalues 18 and 2, so gradient descent is stable iff
 * η &lt; 1/9 and crawls along the (1, −1) direction.
 */
public record Booth() implements Surface {

    @Override
    public String id() {
        return "booth";
    }

    @Override
    public String name() {
        return "Booth";
    }

    @Override
    public String formula() {
        return "(x + 2y − 7)² + (2x + y − 5)²";
    }

    @Override
    public Box box() {
        return Box.square(10);
    }

    /** Off along the slow (1, −1) eigendirection, with a little of the fast one. */
    @Override
    public Point start() {
        return new Point(-6, 8);
    }

    @Override
    public List<Minimum> minima() {
        return List.of(new Minimum(1, 3, 0));
    }

    @Override
    public double value(double x, double y) {
        double u = x + 2 * y - 7;
        double v = 2 * x + y - 5;
        return u * u + v * v;
    }

    @Override
    public double gradient(double x, double y, double[] grad) {
        double u = x + 2 * y - 7;
        double v = 2 * x + y - 5;
        grad[0] = 2 * u + 4 * v;
        grad[1] = 4 * u + 2 * v;
        return u * u + v * v;
    }

    /** The same loop as the default, where this record's gradient can be inlined (see {@link Pointwise}). */
    @Override
    public void gradients(int n, double[] xy, double[] grad, double[] loss) {
        Pointwise.gradients(this::gradient, n, xy, grad, loss);
    }
}
