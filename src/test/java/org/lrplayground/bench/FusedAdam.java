package org.lrplayground.bench;

/**
 * Adam (β₁ 0.9, β₂ 0.999, ε 1e-8, bias correction) on Rosenbrock with the gradient and the update
 * inlined by hand, recording x, y and the loss: the practical limit for the engine's path.
 *
 * <p>The bias corrections 1 − βᵗ come from running products, as in the engine's Adam, so the loop's
 * arithmetic is the engine's in the same order and its trajectory is bit-identical (the benchmark
 * checks it).
 */
final class FusedAdam {

    private FusedAdam() {
    }

    /** Records θ_0 … θ_steps and their losses; returns the last loss. */
    static double run(double x, double y, double lr, int steps, double[] xs, double[] ys, double[] losses) {
        final double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
        double mx = 0, my = 0, vx = 0, vy = 0, p1 = 1, p2 = 1;
        double a = 1 - x, b = y - x * x;
        double gx = -2 * a - 400 * x * b, gy = 200 * b;
        xs[0] = x;
        ys[0] = y;
        losses[0] = a * a + 100 * b * b;
        for (int t = 1; t <= steps; t++) {
            p1 *= beta1;
            p2 *= beta2;
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

    /**
     * Many starts at once, structure of arrays: one step of every run, then the next step, so that
     * the JIT can vectorise the loop over runs (SIMD). Same arithmetic as {@link #run}: bit-identical
     * final points. Keeps only
     * the final points (in {@code x}, {@code y}) and losses.
     */
    static void runLanes(double[] x, double[] y, double[] loss, double lr, int steps) {
        final double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
        int n = x.length;
        double[] gx = new double[n], gy = new double[n], mx = new double[n], my = new double[n];
        double[] vx = new double[n], vy = new double[n];
        gradient(x, y, loss, gx, gy);
        double p1 = 1, p2 = 1;
        for (int t = 1; t <= steps; t++) {
            p1 *= beta1;
            p2 *= beta2;
            double bc1 = 1 - p1;
            double bc2 = 1 - p2;
            for (int i = 0; i < n; i++) {
                mx[i] = beta1 * mx[i] + (1 - beta1) * gx[i];
                my[i] = beta1 * my[i] + (1 - beta1) * gy[i];
                vx[i] = beta2 * vx[i] + (1 - beta2) * gx[i] * gx[i];
                vy[i] = beta2 * vy[i] + (1 - beta2) * gy[i] * gy[i];
                x[i] -= lr / (Math.sqrt(vx[i] / bc2) + eps) * mx[i] / bc1;
                y[i] -= lr / (Math.sqrt(vy[i] / bc2) + eps) * my[i] / bc1;
            }
            gradient(x, y, loss, gx, gy);
        }
    }

    private static void gradient(double[] x, double[] y, double[] loss, double[] gx, double[] gy) {
        for (int i = 0; i < x.length; i++) {
            double a = 1 - x[i], b = y[i] - x[i] * x[i];
            gx[i] = -2 * a - 400 * x[i] * b;
            gy[i] = 200 * b;
            loss[i] = a * a + 100 * b * b;
        }
    }
}
