package org.lrplayground.engine.optim;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adam's bias correction 1 − βᵗ, bit for bit {@code 1 - Math.pow(beta, t)}, looked up instead of
 * computed: Math.pow is the most expensive operation of an Adam step, and every run with the same β
 * needs the same sequence. One instance per run and β keeps a snapshot of a table that all runs
 * share and that grows on demand.
 */
final class BiasCorrection {

    /** Longer runs than this compute the rest directly (RunSpec allows 100 000 steps). */
    private static final int MAX_TABLE = 1 << 17;
    /** Distinct betas kept (each table is up to 1 MB); beyond this the cache starts again. */
    private static final int MAX_BETAS = 16;
    private static final ConcurrentHashMap<Double, double[]> TABLES = new ConcurrentHashMap<>();

    private final double beta;
    /** table[t] = 1 − Math.pow(β, t); immutable once shared. */
    private double[] table = {};

    BiasCorrection(double beta) {
        this.beta = beta;
    }

    /** 1 − βᵗ for t ≥ 1. */
    double at(int t) {
        if (t < table.length) {
            return table[t];
        }
        if (t >= MAX_TABLE) {
            return 1 - Math.pow(beta, t);
        }
        if (TABLES.size() > MAX_BETAS) {
            TABLES.clear();
        }
        table = TABLES.compute(beta, (b, old) -> old != null && old.length > t ? old : extend(old, t));
        return table[t];
    }

    private double[] extend(double[] old, int t) {
        int from = old == null ? 0 : old.length;
        double[] longer = old == null ? new double[Math.max(1024, t + 1)]
                : Arrays.copyOf(old, Math.min(MAX_TABLE, Math.max(2 * from, t + 1)));
        for (int i = from; i < longer.length; i++) {
            longer[i] = 1 - Math.pow(beta, i);
        }
        return longer;
    }
}
