package org.lrplayground.engine.optim;

/**
 * Adam's bias correction 1 − βᵗ, bit for bit {@code 1 - Math.pow(beta, t)}, but cheaper: Math.pow
 * is the most expensive operation of an Adam step.
 *
 * <p>Each thread remembers the last value for two betas (β₁ and β₂), so runs advanced in lockstep
 * (a {@code Batch}) compute it once per step instead of once per run. And once 1 − βᵗ has rounded
 * to 1 it stays 1 for every later t (βᵗ only falls with t and Math.pow is semi-monotonic), which
 * skips Math.pow for β₁ = 0.9 after about 350 steps.
 */
final class BiasCorrection {

    private static final ThreadLocal<BiasCorrection> MEMO = ThreadLocal.withInitial(BiasCorrection::new);

    private double betaA = Double.NaN, betaB = Double.NaN;
    private int tA, tB;
    private double valueA, valueB;
    private boolean replaceA = true;

    private BiasCorrection() {
    }

    /** 1 − βᵗ for 0 ≤ β &lt; 1 and t ≥ 1. */
    static double of(double beta, int t) {
        return MEMO.get().lookup(beta, t);
    }

    private double lookup(double beta, int t) {
        if (beta == betaA) {
            if (t != tA && !(valueA == 1 && t > tA)) {
                valueA = 1 - Math.pow(beta, t);
                tA = t;
            }
            return valueA;
        }
        if (beta == betaB) {
            if (t != tB && !(valueB == 1 && t > tB)) {
                valueB = 1 - Math.pow(beta, t);
                tB = t;
            }
            return valueB;
        }
        double value = 1 - Math.pow(beta, t);
        if (replaceA) {
            betaA = beta;
            tA = t;
            valueA = value;
        } else {
            betaB = beta;
            tB = t;
            valueB = value;
        }
        replaceA = !replaceA;
        return value;
    }
}
