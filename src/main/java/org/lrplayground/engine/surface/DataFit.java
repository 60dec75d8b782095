package org.lrplayground.engine.surface;

import java.util.SplittableRandom;

/**
 * A surface that is a least-squares fit over rows of data ({@link LinReg}, {@link SparseFeatures}):
 * its loss, gradient, mini-batches and row count all come from {@link #data()}.
 */
interface DataFit extends Surface {

    /** The rows and the model they are fitted with. */
    LeastSquares data();

    // The fitted line's slope and intercept: x and y already name the data's columns.
    @Override
    default String xName() {
        return "a";
    }

    @Override
    default String yName() {
        return "b";
    }

    @Override
    default int dataRows() {
        return data().rows();
    }

    @Override
    default double value(double a, double b) {
        return data().value(a, b);
    }

    @Override
    default double gradient(double a, double b, double[] grad) {
        return data().gradient(a, b, grad);
    }

    @Override
    default Sampler sampler(SplittableRandom random, int batch) {
        return data().sampler(random, batch);
    }
}
