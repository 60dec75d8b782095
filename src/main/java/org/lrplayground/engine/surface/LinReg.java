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
public record LinReg() implements DataFit {

    /** The data seed: the same 30 rows in every run and every release. */
    private static final long DATA_SEED = 20170101L;
    private static final int ROWS = 30;
    private static final LeastSquares DATA;

    static {
        SplittableRandom data = new SplittableRandom(DATA_SEED);
        double[] x = new double[ROWS];
        double[] ones = new double[ROWS];
        double[] y = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            x[i] = data.nextInt(1, 101);
            ones[i] = 1;
            y[i] = 2 * x[i] + 30;
        }
        DATA = new LeastSquares("linreg", x, ones, y);
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
    public LeastSquares data() {
        return DATA;
    }
}
