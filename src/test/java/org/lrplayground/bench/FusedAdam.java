package org.lrplayground.bench;

/**
 * Adam (β₁ 0.9, β₂ 0.999, ε 1e-8, bias correction) on Rosenbrock with the gradient and the update
 * inlined by hand: the same arithmetic, in the same order, as the engine's Adam and Rosenbrock, so
 * that its trajectory is bit-identical and its speed is the practical limit for the engine's path.
 */
final class FusedAdam {

    private FusedAdam() {
    }

    /** Records θ_0 … θ_steps and their losses; returns the last loss. */
    static double run(double x, double y, double lr, int steps, double[] xs, double[] ys, double[] losses) {
        return run(x, y, lr, steps, xs, ys, losses, false);
    }

    /**
     * As {@link #run}, but β₁ᵗ and β₂ᵗ as running products instead of {@code Math.pow}: the
     * textbook minimal loop, faster, and no longer bit-identical (the products drift by a few ulp).
     */
    static double runWithRunningPowers(double x, double y, double lr, int steps, double[] xs, double[] ys,
            double[] losses) {
        return run(x, y, lr, steps, xs, ys, losses, true);
    }

    private static double run(double x, double y, double lr, int steps, double[] xs, double[] ys, double[] losses,
            boolean runningPowers) {
        final double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
        double mx = 0, my = 0, vx = 0, vy = 0, p1 = 1, p2 = 1;
        double a = 1 - x, b = y - x * x;
        double gx = -2 * a - 400 * x * b, gy = 200 * b;
        xs[0] = x;
        ys[0] = y;
        losses[0] = a * a + 100 * b * b;
        for (int t = 1; t <= steps; t++) {
            p1 = runningPowers ? p1 * beta1 : Math.pow(beta1, t);
            p2 = runningPowers ? p2 * beta2 : Math.pow(beta2, t);
            double bc1 = 1 - p1;
            double bc2 = 1 - p2;
            mx = beta1 * mx + (1 - beta1) * gx;
            my = beta1 * my + (1 - beta1) * gy;
            vx = beta2 * vx + (1 - beta2) * gx * gx;
            vy = beta2 * vy + (1 - beta2) * gy * gy;
            double rx = lr / (Math.sqrt(vx / bc2) + eps);
            double ry = lr / (Math.sqrt(vy / bc2) + eps);
            x -= rx * mx / bc1;
            y -= ry * my / bc1;
            a = 1 - x;
            b = y - x * x;
            gx = -2 * a - 400 * x * b;
            gy = 200 * b;
            xs[t] = x;
            ys[t] = y;
            losses[t] = a * a + 100 * b * b;
        }
        return losses[steps];
    }
}
