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
public record SparseFeatures() implements DataFit {

    private static final long DATA_SEED = 20170202L;
    private static final int ROWS = 50;
    /** v is nonzero in one row out of this many. */
    private static final int RARITY = 10;
    private static final double TRUE_A = 1;
    private static final double TRUE_B = 2;
    private static final double NOISE = 0.3;
    private static final LeastSquares DATA;
    private static final Minimum FIT;

    static {
        SplittableRandom data = new SplittableRandom(DATA_SEED);
        double[] u = new double[ROWS];
        double[] v = new double[ROWS];
        double[] y = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            u[i] = data.nextDouble(0.5, 1.5);
            v[i] = i % RARITY == 0 ? data.nextDouble(0.5, 1.5) : 0;
            y[i] = TRUE_A * u[i] + TRUE_B * v[i] + NOISE * data.nextGaussian();
        }
        DATA = new LeastSquares("sparse", u, v, y);
        FIT = DATA.fit();
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
    public LeastSquares data() {
        return DATA;
    }
}
