package org.lrplayground.engine.surface;

/** Reference derivatives for tests: Richardson-extrapolated central differences, error O(h⁶). */
final class Derivatives {

    private Derivatives() {
    }

    /** ∂f/∂x (axis 0) or ∂f/∂y (axis 1) at (x, y) with base step h. */
    static double partial(Surface.Sampler f, double x, double y, int axis, double h) {
        double d1 = central(f, x, y, axis, h);
        double d2 = central(f, x, y, axis, h / 2);
        double d4 = central(f, x, y, axis, h / 4);
        double r1 = (4 * d2 - d1) / 3;
        double r2 = (4 * d4 - d2) / 3;
        return (16 * r2 - r1) / 15;
    }

    private static double central(Surface.Sampler f, double x, double y, int axis, double h) {
        double[] g = new double[2];
        double plus = axis == 0 ? f.sample(x + h, y, g) : f.sample(x, y + h, g);
        double minus = axis == 0 ? f.sample(x - h, y, g) : f.sample(x, y - h, g);
        return (plus - minus) / (2 * h);
    }
}
