package org.lrplayground.engine.run;

import java.util.Locale;

/**
 * What a computation will cost, counted before it starts, in steps of a built-in surface:
 * <pre>
 * cost = steps × runs × w,   runs = the scene's runs × starts × cells × grid values (whatever the computation multiplies)
 * </pre>
 * where w is the surface's {@link org.lrplayground.engine.surface.Surface#stepCost} (1 built in,
 * more for a custom formula). Every door that computes (the API, the views, hand-ins) costs its work
 * this way and refuses what costs more than its limit, naming {@link #lower}, the key to lower.
 *
 * @param steps weighted steps
 * @param lower the query key that lowers the cost most directly, e.g. {@code steps} or {@code grid}
 */
public record Cost(double steps, String lower) {

    public Cost {
        if (!(steps >= 0)) {
            throw new IllegalArgumentException("a cost is a number of steps ≥ 0 (got " + steps + ")");
        }
    }

    /** {@code runs} runs of {@code scene}'s steps on its surface. */
    public static Cost of(RunSpec scene, long runs, String lower) {
        return new Cost((double) scene.steps() * runs * scene.surface().stepCost(), lower);
    }

    /** Whether the cost is above {@code limit} weighted steps. */
    public boolean exceeds(long limit) {
        return steps > limit;
    }

    /** The cost in scientific notation with three digits, e.g. "9.00e+09", as refusals quote it. */
    public String formatted() {
        return String.format(Locale.ROOT, "%.2e", steps);
    }
}
