package org.lrplayground.engine.surface;

import java.util.List;

/**
 * Beale's function, f = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)², minimum 0 at
 * (3, 0.5). Flat near the minimum and walled by steep ridges where |y| &gt; 1, so a step size that
 * suits one region is wrong for the other. Reference: E. M. L. Beale, "On an iterative method
 * for finding a local minimum of a function of more than one variable" (1958).
 */
public record Beale() implements Surface {

    @Override
    public String id() {
        return "beale";
    }

    @Override
    public String name() {
        return "Beale";
    }

    @Override
    public String formula() {
        return "(1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²";
    }

    @Override
    public Box box() {
        return Box.square(4.5);
    }

    /** Up on the ridge side of the valley: a gradient of about 100 that vanishes near (3, 0.5). */
    @Override
    public Point start() {
        return new Point(1, 1.5);
    }

    @Override
    public List<Minimum> minima() {
        return List.of(new Minimum(3, 0.5, 0));
    }

    @Override
    public double value(double x, double y) {
        double a = 1.5 - x + x * y;
        double b = 2.25 - x + x * y * y;
        double c = 2.625 - x + x * y * y * y;
        return a * a + b * b + c * c;
    }

    @Override
    public double gradient(double x, double y, double[] grad) {
        double y2 = y * y;
        double a = 1.5 - x + x * y;
        double b = 2.25 - x + x * y2;
        double c = 2.625 - x + x * y2 * y;
        grad[0] = 2 * (a * (y - 1) + b * (y2 - 1) + c * (y2 * y - 1));
        grad[1] = 2 * x * (a + 2 * b * y + 3 * c * y2);
        return a * a + b * b + c * c;
    }

    /** The same loop as the default, where this record's gradient can be inlined (see {@link Pointwise}). */
    @Override
    public void gradients(int n, double[] xy, double[] grad, double[] loss) {
        Pointwise.gradients(this::gradient, n, xy, grad, loss);
    }
}
