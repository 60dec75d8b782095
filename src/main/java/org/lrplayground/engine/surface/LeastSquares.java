package org.lrplayground.engine.surface;

import java.util.SplittableRandom;

/**
 * The data-fitting surfaces' shared core: the mean squared error of a two-weight linear model over
 * fixed rows, f(a, b) = mean over rows of (a·u + b·v − y)², its exact gradient (a row's is
 * de/da = u·e, de/db = v·e with e = 2(a·u + b·v − y)), and the mini-batch gradients that runs see.
 */
final class LeastSquares {

    private final String surfaceId;
    private final double[] u;
    private final double[] v;
    private final double[] y;

    /** Rows (u_i, v_i, y_i); the arrays are kept, not copied, so callers must not change them. */
    LeastSquares(String surfaceId, double[] u, double[] v, double[] y) {
        this.surfaceId = surfaceId;
        this.u = u;
        this.v = v;
        this.y = y;
    }

    int rows() {
        return y.length;
    }

    double value(double a, double b) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double e = a * u[i] + b * v[i] - y[i];
            sum += e * e;
        }
        return sum / y.length;
    }

    double gradient(double a, double b, double[] grad) {
        grad[0] = 0;
        grad[1] = 0;
        for (int i = 0; i < y.length; i++) {
            addRowGradient(i, a, b, grad);
        }
        grad[0] /= y.length;
        grad[1] /= y.length;
        return value(a, b);
    }

    /** The exact least-squares fit, from the normal equations by Cramer's rule. */
    Minimum fit() {
        double uu = 0, uv = 0, vv = 0, uy = 0, vy = 0;
        for (int i = 0; i < y.length; i++) {
            uu += u[i] * u[i];
            uv += u[i] * v[i];
            vv += v[i] * v[i];
            uy += u[i] * y[i];
            vy += v[i] * y[i];
        }
        double det = uu * vv - uv * uv;
        double a = (uy * vv - uv * vy) / det;
        double b = (uu * vy - uv * uy) / det;
        return new Minimum(a, b, value(a, b));
    }

    private void addRowGradient(int i, double a, double b, double[] sum) {
        double e = 2 * (a * u[i] + b * v[i] - y[i]);
        sum[0] += u[i] * e;
        sum[1] += v[i] * e;
    }

    /**
     * Mini-batches of {@code batch} rows from an order reshuffled every epoch with {@code random}; the
     * last batch of an epoch is smaller when {@code batch} does not divide the rows (as PyTorch's
     * DataLoader does). The loss reported is the full-data loss.
     */
    Surface.Sampler sampler(SplittableRandom random, int batch) {
        if (batch < 1 || batch > rows()) {
            throw new IllegalArgumentException("batch = " + batch + " is not accepted: a mini-batch holds 1 to "
                    + rows() + " rows of " + surfaceId + "'s data");
        }
        return new MiniBatches(random, batch);
    }

    /** Walks the rows in an order reshuffled every epoch; allocation-free after construction. */
    private final class MiniBatches implements Surface.Sampler {

        private final SplittableRandom random;
        private final int batch;
        private final int[] order = new int[rows()];
        private int next = order.length;

        MiniBatches(SplittableRandom random, int batch) {
            this.random = random;
            this.batch = batch;
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
        }

        @Override
        public double sample(double a, double b, double[] grad) {
            if (next == order.length) {
                shuffle();
                next = 0;
            }
            int end = Math.min(next + batch, order.length);
            grad[0] = 0;
            grad[1] = 0;
            for (int k = next; k < end; k++) {
                addRowGradient(order[k], a, b, grad);
            }
            grad[0] /= end - next;
            grad[1] /= end - next;
            next = end;
            return value(a, b);
        }

        /** Fisher–Yates. */
        private void shuffle() {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
    }
}
