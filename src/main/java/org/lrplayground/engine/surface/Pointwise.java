package org.lrplayground.engine.surface;

/**
 * {@link Surface#gradients} as a loop over a surface's exact gradient at one point, the formula's
 * one home.
 *
 * <p>Called from the interface's default, this loop serves every surface, so the JIT sees many
 * receivers and reaches each point's gradient through a virtual call. A closed-form surface (a
 * record, so final) overrides {@code gradients} with a call to this on its own {@code gradient}:
 * there the JIT knows the exact surface, inlines its gradient, keeps the scratch pair in registers
 * and vectorises the loop over the points, without a second copy of the formula.
 */
final class Pointwise {

    private Pointwise() {
    }

    static void gradients(Surface.Sampler exact, int n, double[] xy, double[] grad, double[] loss) {
        double[] g = new double[2];
        for (int i = 0; i < n; i++) {
            loss[i] = exact.sample(xy[i], xy[n + i], g);
            grad[i] = g[0];
            grad[n + i] = g[1];
        }
    }
}
