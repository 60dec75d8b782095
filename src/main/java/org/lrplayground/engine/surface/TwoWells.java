package org.lrplayground.engine.surface;

import java.util.List;

/**
 * Two wells in a bowl: f = (x² + y²)/4 − 2 exp(−2((x − 1)² + (y + ½)²)) − exp(−2((x + 1)² + (y − ½)²)).
 * The deeper Gaussian makes the global minimum −1.70604 near (0.94, −0.47), the shallower one a
 * local minimum −0.72300 near (−0.89, 0.44); a saddle near (−0.10, 0.05) divides the basins. From
 * the default start, small-step gradient descent (with or without momentum) settles in the
 * shallow well. The minima were computed by Newton's method on the exact gradient.
 */
public record TwoWells() implements Surface {

    @Override
    public String id() {
        return "two-wells";
    }

    @Override
    public String name() {
        return "Two wells";
    }

    @Override
    public String formula() {
        return "(x² + y²)/4 − 2 exp(−2((x − 1)² + (y + ½)²)) − exp(−2((x + 1)² + (y − ½)²))";
    }

    @Override
    public Box box() {
        return Box.square(2);
    }

    @Override
    public Point start() {
        return new Point(0, 1.5);
    }

    @Override
    public List<Minimum> minima() {
        return List.of(new Minimum(0.9406113532182607, -0.47030567660913036, -1.7060396752293994),
                new Minimum(-0.8851093917208005, 0.44255469586040025, -0.7229977458291227));
    }

    @Override
    public double value(double x, double y) {
        return gradient(x, y, new double[2]);
    }

    @Override
    public double gradient(double x, double y, double[] grad) {
        double dx1 = x - 1;
        double dy1 = y + 0.5;
        double dx2 = x + 1;
        double dy2 = y - 0.5;
        double deep = 2 * Math.exp(-2 * (dx1 * dx1 + dy1 * dy1));
        double shallow = Math.exp(-2 * (dx2 * dx2 + dy2 * dy2));
        grad[0] = 0.5 * x + 4 * (dx1 * deep + dx2 * shallow);
        grad[1] = 0.5 * y + 4 * (dy1 * deep + dy2 * shallow);
        return 0.25 * (x * x + y * y) - deep - shallow;
    }

    /** The same loop as the default, where this record's gradient can be inlined (see {@link Pointwise}). */
    @Override
    public void gradients(int n, double[] xy, double[] grad, double[] loss) {
        Pointwise.gradients(this::gradient, n, xy, grad, loss);
    }
}
