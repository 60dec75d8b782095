package org.lrplayground.engine.optim;

import java.util.function.DoubleSupplier;
import java.util.function.IntToDoubleFunction;

/**
 * One named part of a {@link Stepper}'s state, read live: the value of coordinate i after the
 * stepper's last step, without copying, so a runner can record it every step without allocating.
 *
 * @param name  the paper's name, e.g. {@code m} or {@code d}
 * @param size  the number of values: the dimension for a per-coordinate quantity, 1 for a scalar
 * @param value reads value i, 0 ≤ i &lt; size
 */
public record Quantity(String name, int size, IntToDoubleFunction value) {

    public Quantity {
        if (size < 1) {
            throw new IllegalArgumentException("a state quantity has at least one value (got " + size + " for " + name + ")");
        }
    }

    /** A per-coordinate quantity held in {@code live}, which the stepper updates in place. */
    static Quantity of(String name, double[] live) {
        return new Quantity(name, live.length, i -> live[i]);
    }

    /** A scalar quantity, such as Eve's d. */
    static Quantity scalar(String name, DoubleSupplier live) {
        return new Quantity(name, 1, i -> live.getAsDouble());
    }

    /** The values now, copied. */
    public double[] values() {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = value.applyAsDouble(i);
        }
        return out;
    }
}
