package org.lrplayground.engine.surface;

import java.util.List;

/**
 * Rastrigin's function, f = 20 + Σ (xᵢ² − 10 cos 2πxᵢ), minimum 0 at the origin among a local
 * minimum near every integer point: a bowl under an egg box. Only the global minimum is listed.
 * Reference: L. A. Rastrigin, <i>Systems of Extremal Control</i> (1974).
 */
public record Rastrigin() implements Surface {

    private static final double TWO_PI = 2 * Math.PI;

    @Override
    public String id() {
        return "rastrigin";
    }

    @Override
    public String name() {
        return "Rastrigin";
    }

    @Override
    public String formula() {
        return "20 + x² − 10 cos 2πx + y² − 10 cos 2πy";
    }

    @Override
    public Box box() {
        return Box.square(5.12);
    }

    /** The start of the pytorch-optimizer visualisations (jettify/pytorch-optimizer). */
    @Override
    public Point start() {
        return new Point(-2, 3.5);
    }

    @Override
    public List<Minimum> minima() {
        return List.of(new Minimum(0, 0, 0));
    }

    @Override
    public double value(double x, double y) {
        return 20 + x * x - 10 * Math.cos(TWO_PI * x) + y * y - 10 * Math.cos(TWO_PI * y);
    }

    @Override
    public double gradient(double x, double y, double[] grad) {
        grad[0] = 2 * x + 10 * TWO_PI * Math.sin(TWO_PI * x);
        grad[1] = 2 * y + 10 * TWO_PI * Math.sin(TWO_PI * y);
        return value(x, y);
    }

    /** The same loop as the default, where this record's gradient can be inlined (see {@link Pointwise}). */
    @Override
    public void gradients(int n, double[] xy, double[] grad, double[] loss) {
        Pointwise.gradients(this::gradient, n, xy, grad, loss);
    }
}
