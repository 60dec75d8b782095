package org.lrplayground.engine.surface;

import java.util.List;

/**
 * Himmelblau's function, f = (x² + y − 11)² + (x + y² − 7)², with four minima of value 0: which
 * one a run reaches depends on its start and its optimizer. Reference: D. M. Himmelblau,
 * <i>Applied Nonlinear Programming</i> (1972).
 */
public record Himmelblau() implements Surface {

    @Override
    public String id() {
        return "himmelblau";
    }

    @Override
    public String name() {
        return "Himmelblau";
    }

    @Override
    public String formula() {
        return "(x² + y − 11)² + (x + y² − 7)²";
    }

    @Override
    public Box box() {
        return Box.square(5);
    }

    /** Near the local maximum at (−0.27, −0.92), where the four basins meet. */
    @Override
    public Point start() {
        return new Point(-0.5, -0.5);
    }

    @Override
    public List<Minimum> minima() {
        return List.of(new Minimum(3, 2, 0),
                new Minimum(-2.805118086952745, 3.131312518250573, 0),
                new Minimum(-3.779310253377747, -3.2831859912861696, 0),
                new Minimum(3.5844283403304917, -1.8481265269644036, 0));
    }

    @Override
    public double value(double x, double y) {
        double u = x * x + y - 11;
        double v = x + y * y - 7;
        return u * u + v * v;
    }

    @Override
    public double gradient(double x, double y, double[] grad) {
        double u = x * x + y - 11;
        double v = x + y * y - 7;
        grad[0] = 4 * x * u + 2 * v;
        grad[1] = 2 * u + 4 * y * v;
        return u * u + v * v;
    }

    /** The same loop as the default, where this record's gradient can be inlined (see {@link Pointwise}). */
    @Override
    public void gradients(int n, double[] xy, double[] grad, double[] loss) {
        Pointwise.gradients(this::gradient, n, xy, grad, loss);
    }
}
