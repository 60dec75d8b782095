package org.lrplayground.engine.surface;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A frequent and an infrequent parameter, for the seed question about Adagrad's "larger updates for
 * infrequent and smaller updates for frequent parameters" (Ruder): fit y = a·u + b·v to 50 rows made
 * from the true weights (1, 2) plus Gaussian noise of σ = 0.3. Feature u is nonzero in every row;
 * feature v only in every tenth row (5 of 50), so b's gradient is zero in nine rows out of ten. u and
 * v are drawn once, uniformly from [0.5, 1.5), and the noise once, by a fixed data seed. The noise
 * keeps every row's gradient alive at the fit, so a's squared gradients keep adding up ten times as
 * often as b's.
 *
 * <p>Like {@link LinReg}, the surface drawn is the full-data mean squared error, whose minimum is the
 * exact least-squares fit (near (1, 2), error about σ²), and runs see mini-batch gradients (one row by
 * default) from an order reshuffled every epoch: a row's gradient is de/da = u·e, de/db = v·e with
 * e = 2(a·u + b·v − y).
 */
public record SparseFeatures() implements Surface {

    private static final long DATA_SEED = 20170202L;
    private static final int ROWS = 50;
    /** v is nonzero in one row out of this many. */
    private static final int RARITY = 10;
    private static final double TRUE_A = 1;
    private static final double TRUE_B = 2;
    private static final double NOISE = 0.3;
    private static final double[] U = new double[ROWS];
    private static final double[] V = new double[ROWS];
    private static final double[] Y = new double[ROWS];
    private static final Minimum FIT;

    static {
        SplittableRandom data = new SplittableRandom(DATA_SEED);
        for (int i = 0; i < ROWS; i++) {
            U[i] = data.nextDouble(0.5, 1.5);
            V[i] = i % RARITY == 0 ? data.nextDouble(0.5, 1.5) : 0;
            Y[i] = TRUE_A * U[i] + TRUE_B * V[i] + NOISE * data.nextGaussian();
        }
        // the normal equations of least squares, solved by Cramer's rule
        double uu = 0, uv = 0, vv = 0, uy = 0, vy = 0;
        for (int i = 0; i < ROWS; i++) {
            uu += U[i] * U[i];
            uv += U[i] * V[i];
            vv += V[i] * V[i];
            uy += U[i] * Y[i];
            vy += V[i] * Y[i];
        }
        double det = uu * vv - uv * uv;
        double a = (uy * vv - uv * vy) / det;
        double b = (uu * vy - uv * uy) / det;
        FIT = new Minimum(a, b, mse(a, b));
    }

    @Override
    public String id() {
        return "sparse";
    }

    @Override
    public String name() {
        return "Sparse feature (rare parameter)";
    }

    @Override
    public String formula() {
        return "mean over 50 rows of (a·u + b·v − y)², y = u + 2v + noise, v ≠ 0 in 1 row of 10";
    }

    @Override
    public Box box() {
        return new Box(-1, 3, -1, 3);
    }

    @Override
    public Point start() {
        return new Point(0, 0);
    }

    @Override
    public List<Minimum> minima() {
        return List.of(FIT);
    }

    @Override
    public int dataRows() {
        return ROWS;
    }

    @Override
    public double value(double a, double b) {
        return mse(a, b);
    }

    private static double mse(double a, double b) {
        double sum = 0;
        for (int i = 0; i < ROWS; i++) {
            double e = a * U[i] + b * V[i] - Y[i];
            sum += e * e;
        }
        return sum / ROWS;
    }

    @Override
    public double gradient(double a, double b, double[] grad) {
        grad[0] = 0;
        grad[1] = 0;
        for (int i = 0; i < ROWS; i++) {
            addRowGradient(i, a, b, grad);
        }
        grad[0] /= ROWS;
        grad[1] /= ROWS;
        return value(a, b);
    }

    private static void addRowGradient(int i, double a, double b, double[] sum) {
        double e = 2 * (a * U[i] + b * V[i] - Y[i]);
        sum[0] += U[i] * e;
        sum[1] += V[i] * e;
    }

    @Override
    public Sampler sampler(SplittableRandom random, int batch) {
        if (batch < 1 || batch > ROWS) {
            throw new IllegalArgumentException("batch = " + batch + " is not accepted: a mini-batch holds 1 to "
                    + ROWS + " rows of sparse's data");
        }
        return new MiniBatches(random, batch);
    }

    /** Walks the rows in an order reshuffled every epoch; allocation-free after construction. */
    private final class MiniBatches implements Sampler {

        private final SplittableRandom random;
        private final int batch;
        private final int[] order = new int[ROWS];
        private int next = ROWS;

        MiniBatches(SplittableRandom random, int batch) {
            this.random = random;
            this.batch = batch;
            for (int i = 0; i < ROWS; i++) {
                order[i] = i;
            }
        }

        @Override
        public double sample(double a, double b, double[] grad) {
            if (next == ROWS) {
                shuffle();
                next = 0;
            }
            int end = Math.min(next + batch, ROWS);
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
            for (int i = ROWS - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
    }
}
