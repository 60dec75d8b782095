package org.lrplayground.engine.surface;

import java.util.List;
import org.lrplayground.engine.param.Param;

/**
 * The ravine f = ½ (x² + κ y²), minimum 0 at the origin: a bowl with condition number κ.
 * Gradient descent is stable iff η κ &lt; 2, so the step that the steep y direction tolerates
 * crawls along x; the best fixed step is η = 2/(1 + κ), with error shrinking by (κ − 1)/(κ + 1)
 * per step.
 *
 * @param kappa the curvature across the ravine over the curvature along it (default 50)
 */
public record Ravine(double kappa) implements Surface {

    public static final Param KAPPA = new Param("kappa", Param.Kind.REAL, c -> 50, 1, false, 1e4, true,
            "condition number: curvature across the ravine over curvature along it");

    public Ravine {
        KAPPA.check(kappa);
    }

    @Override
    public String id() {
        return "ravine";
    }

    @Override
    public String name() {
        return "Ravine";
    }

    @Override
    public String formula() {
        return "½ (x² + κ y²)";
    }

    @Override
    public Box box() {
        return Box.square(3);
    }

    /** Far along the floor and up one wall, so the zig-zag across and the crawl along both show. */
    @Override
    public Point start() {
        return new Point(-2.5, 1);
    }

    @Override
    public List<Minimum> minima() {
        return List.of(new Minimum(0, 0, 0));
    }

    @Override
    public double value(double x, double y) {
        return 0.5 * (x * x + kappa * y * y);
    }

    @Override
    public double gradient(double x, double y, double[] grad) {
        grad[0] = x;
        grad[1] = kappa * y;
        return value(x, y);
    }

    /** The same loop as the default, where this record's gradient can be inlined (see {@link Pointwise}). */
    @Override
    public void gradients(int n, double[] xy, double[] grad, double[] loss) {
        Pointwise.gradients(this::gradient, n, xy, grad, loss);
    }
}
