package org.lrplayground.engine.surface;

import java.util.List;

/**
 * The Styblinski–Tang function, f = ½ Σ (xᵢ⁴ − 16xᵢ² + 5xᵢ): in each coordinate a double well
 * with minima at −2.903534 (deeper) and 2.746803, so the global minimum −78.33233 sits in one
 * corner and local minima in the other three. Reference: M. A. Styblinski and T.-S. Tang,
 * "Experiments in nonconvex optimization", Neural Networks 3 (1990).
 */
public record StyblinskiTang() implements Surface {

    /** The roots of 4x³ − 32x + 5 that are minima of x⁴ − 16x² + 5x. */
    private static final double DEEP = -2.903534027771177;
    private static final double SHALLOW = 2.746802770990837;

    @Override
    public String id() {
        return "styblinski-tang";
    }

    @Override
    public String name() {
        return "Styblinski–Tang";
    }

    @Override
    public String formula() {
        return "½ (x⁴ − 16x² + 5x + y⁴ − 16y² + 5y)";
    }

    @Override
    public Box box() {
        return Box.square(5);
    }

    /** Just past the central hump on the shallow side: descent takes the nearest, worst corner. */
    @Override
    public Point start() {
        return new Point(0.5, 0.5);
    }

    @Override
    public List<Minimum> minima() {
        return List.of(new Minimum(DEEP, DEEP, -78.33233140754284),
                new Minimum(SHALLOW, DEEP, -64.19561235905536),
                new Minimum(DEEP, SHALLOW, -64.19561235905536),
                new Minimum(SHALLOW, SHALLOW, -50.05889331056788));
    }

    @Override
    public double value(double x, double y) {
        return 0.5 * (x * x * (x * x - 16) + 5 * x + y * y * (y * y - 16) + 5 * y);
    }

    @Override
    public double gradient(double x, double y, double[] grad) {
        grad[0] = x * (2 * x * x - 16) + 2.5;
        grad[1] = y * (2 * y * y - 16) + 2.5;
        return value(x, y);
    }

    /** The same loop as the default, where this record's gradient can be inlined (see {@link Pointwise}). */
    @Override
    public void gradients(int n, double[] xy, double[] grad, double[] loss) {
        Pointwise.gradients(this::gradient, n, xy, grad, loss);
    }
}
