package org.lrplayground.engine.surface;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The fast.ai graddesc.xlsm spreadsheet: fit y = a·x + b to 30 rows of data made from
 * y = 2x + 30 exactly, with x drawn once, uniformly from the whole numbers 1 … 100, by a fixed
 * data seed. The surface is the mean squared error over the rows as a function of (a, b), drawn
 * with a on the x axis and b on the y axis; its minimum is the exact least-squares fit (2, 30)
 * with error 0. Runs start where the spreadsheet does, at (1, 1).
 *
 * <p>Like the spreadsheet, runs see stochastic gradients: each step takes the next mini-batch
 * (one row by default) from an order reshuffled every epoch, and the gradient of one row is
 * de/db = 2(ax + b − y), de/da = x·de/db, averaged over the batch. The last batch of an epoch is
 * smaller when the batch size does not divide 30 (as with PyTorch's DataLoader). The loss reported
 * is always the full-data loss.
 */
public record LinReg() implements Surface {

    /** The data seed: the same 30 rows in every run and every release. */
    private static final long DATA_SEED = 20170101L;
    private static final int ROWS = 30;
    private static final double[] X = new double[ROWS];
    private static final double[] Y = new double[ROWS];

    static {
        SplittableRandom data = new SplittableRandom(DATA_SEED);
        for (int i = 0; i < ROWS; i++) {
            X[i] = data.nextInt(1, 101);
            Y[i] = 2 * X[i] + 30;
        }
    }

    @Override
    public String id() {
        return "linreg";
    }

    @Override
    public String name() {
        return "Linear regression (spreadsheet)";
    }

    @Override
    public String formula() {
        return "mean over 30 rows of (a·x + b − y)², y = 2x + 30";
    }

    @Override
    public Box box() {
        return new Box(-1, 5, -5, 40);
    }

    @Override
    public Point start() {
        return new Point(1, 1);
    }

    @Override
    public List<Minimum> minima() {
        return List.of(new Minimum(2, 30, 0));
    }

    @Override
    public int dataRows() {
        return ROWS;
    }

    @Override
    public double value(double a, double b) {
        double sum = 0;
        for (int i = 0; i < ROWS; i++) {
            double e = a * X[i] + b - Y[i];
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

    /** Adds row i's de/da = x·de/db and de/db = 2(ax + b − y) to {@code sum}. */
    private static void addRowGradient(int i, double a, double b, double[] sum) {
        double deDb = 2 * (a * X[i] + b - Y[i]);
        sum[0] += X[i] * deDb;
        sum[1] += deDb;
    }

    @Override
    public Sampler sampler(SplittableRandom random, int batch) {
        if (batch < 1 || batch > ROWS) {
            throw new IllegalArgumentException("batch = " + batch + " is not accepted: a mini-batch holds 1 to "
                    + ROWS + " rows of linreg's data");
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
