package org.lrplayground.engine.surface;

import java.util.List;

/**
 * The Goldstein–Price function, f = [1 + (x + y + 1)² P]·[30 + (2x − 3y)² Q] with
 * P = 19 − 14x + 3x² − 14y + 6xy + 3y² and Q = 18 − 32x + 12x² + 48y − 36xy + 27y²; global
 * minimum 3 at (0, −1) and local minima 30, 84 and 840. Values span six decades over the box,
 * hence the log colour. Reference: A. A. Goldstein and J. F. Price, "On descent from local minima",
 * Math. Comp. 25 (1971).
 */
public record GoldsteinPrice() implements Surface {

    @Override
    public String id() {
        return "goldstein-price";
    }

    @Override
    public String name() {
        return "Goldstein–Price";
    }

    @Override
    public String formula() {
        return "[1 + (x + y + 1)²(19 − 14x + 3x² − 14y + 6xy + 3y²)]·"
                + "[30 + (2x − 3y)²(18 − 32x + 12x² + 48y − 36xy + 27y²)]";
    }

    @Override
    public Box box() {
        return Box.square(2);
    }

    /** Plain descent from here settles in the local minimum 30 at (−0.6, −0.4), next to the global one. */
    @Override
    public Point start() {
        return new Point(-0.5, 0.5);
    }

    @Override
    public List<Minimum> minima() {
        return List.of(new Minimum(0, -1, 3), new Minimum(-0.6, -0.4, 30), new Minimum(1.8, 0.2, 84),
                new Minimum(1.2, 0.8, 840));
    }

    @Override
    public double value(double x, double y) {
        return gradient(x, y, new double[2]);
    }

    @Override
    public double gradient(double x, double y, double[] grad) {
        double s = x + y + 1;
        double p = 19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y;
        double a = 1 + s * s * p;
        // ∂P/∂x = ∂P/∂y, so A has equal partial derivatives
        double da = 2 * s * p + s * s * (-14 + 6 * x + 6 * y);
        double t = 2 * x - 3 * y;
        double q = 18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y;
        double b = 30 + t * t * q;
        double bx = 4 * t * q + t * t * (-32 + 24 * x - 36 * y);
        double by = -6 * t * q + t * t * (48 - 36 * x + 54 * y);
        grad[0] = da * b + a * bx;
        grad[1] = da * b + a * by;
        return a * b;
    }

    /** The same loop as the default, where this record's gradient can be inlined (see {@link Pointwise}). */
    @Override
    public void gradients(int n, double[] xy, double[] grad, double[] loss) {
        Pointwise.gradients(this::gradient, n, xy, grad, loss);
    }
}
