package org.lrplayground.engine.surface;

import java.util.List;

/**
 * Ackley's function, f = −20 exp(−0.2 √(½(x² + y²))) − exp(½(cos 2πx + cos 2πy)) + 20 + e,
 * minimum 0 at the origin: a cone (a = 20, not the 10 of one popular doc) under ripples with a
 * local minimum near every integer point. Only the global minimum is listed. At the cone's tip f
 * is not differentiable; the gradient there is taken as 0, a subgradient. Reference: D. H. Ackley,
 * <i>A Connectionist Machine for Genetic Hillclimbing</i> (1987).
 */
public record Ackley() implements Surface {

    private static final double TWO_PI = 2 * Math.PI;

    @Override
    public String id() {
        return "ackley";
    }

    @Override
    public String name() {
        return "Ackley";
    }

    @Override
    public String formula() {
        return "−20 exp(−0.2 √(½(x² + y²))) − exp(½(cos 2πx + cos 2πy)) + 20 + e";
    }

    @Override
    public Box box() {
        return Box.square(5);
    }

    /** Where the ripples meet (half-integers): descent falls into the nearest local minimum. */
    @Override
    public Point start() {
        return new Point(-3.5, 3.5);
    }

    @Override
    public List<Minimum> minima() {
        return List.of(new Minimum(0, 0, 0));
    }

    @Override
    public double value(double x, double y) {
        return gradient(x, y, new double[2]);
    }

    @Override
    public double gradient(double x, double y, double[] grad) {
        double r = Math.sqrt(0.5 * (x * x + y * y));
        double cone = 20 * Math.exp(-0.2 * r);
        double ripple = Math.exp(0.5 * (Math.cos(TWO_PI * x) + Math.cos(TWO_PI * y)));
        // d(cone)/dx = −0.2 cone · x / (2r); the tip's subgradient 0 avoids 0/0
        double coneSlope = r == 0 ? 0 : 0.1 * cone / r;
        grad[0] = coneSlope * x + Math.PI * Math.sin(TWO_PI * x) * ripple;
        grad[1] = coneSlope * y + Math.PI * Math.sin(TWO_PI * y) * ripple;
        return -cone - ripple + 20 + Math.E;
    }

    /** The same loop as the default, where this record's gradient can be inlined (see {@link Pointwise}). */
    @Override
    public void gradients(int n, double[] xy, double[] grad, double[] loss) {
        Pointwise.gradients(this::gradient, n, xy, grad, loss);
    }
}
