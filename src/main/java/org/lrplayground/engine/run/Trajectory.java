package org.lrplayground.engine.run;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lrplayground.engine.optim.Quantity;

/**
 * The recorded points of one run as parallel primitive arrays, t = 0 … size − 1: θ_t = (x, y), the
 * loss and gradient at θ_t, the effective learning rate per coordinate of the update that produced
 * θ_t and the scheduled rate η_t = lr · s_{t−1} that update used (both NaN for t = 0). Grown in
 * chunks so the inner loop rarely allocates. On request it also keeps the optimizer's state after
 * each update ({@link #stateNames}), one column per coordinate of each quantity.
 *
 * <p>Not thread-safe: written by the thread that advances the run; readers take {@link #slice}s.
 */
public final class Trajectory {

    /** Runs up to this long get their whole capacity at once (1 MB); longer ones grow by doubling. */
    private static final int FIRST_CHUNK = 16_384;

    private static final String[] AXES = {"x", "y"};

    private final int maxPoints;
    private double[] x, y, loss, gx, gy, lrx, lry, eta;
    /** The recorded state columns: column k is value {@code stateValue[k]} of {@code stateOf[k]}. */
    private final List<String> stateNames;
    private final Quantity[] stateOf;
    private final int[] stateValue;
    private double[][] state;
    private int size;

    /**
     * @param maxPoints the most points the run can record (steps + 1)
     * @param state     the optimizer state to read at every point, read live (none: an empty list)
     */
    Trajectory(int maxPoints, List<Quantity> state) {
        this.maxPoints = maxPoints;
        int columns = state.stream().mapToInt(Quantity::size).sum();
        String[] names = new String[columns];
        stateOf = new Quantity[columns];
        stateValue = new int[columns];
        int k = 0;
        for (Quantity q : state) {
            if (q.size() > AXES.length) {
                throw new IllegalArgumentException(q.name() + " has " + q.size() + " values; a run has "
                        + AXES.length + " coordinates");
            }
            for (int i = 0; i < q.size(); i++, k++) {
                names[k] = q.size() == 1 ? q.name() : q.name() + "_" + AXES[i];
                stateOf[k] = q;
                stateValue[k] = i;
            }
        }
        stateNames = List.of(names);
        this.state = new double[columns][];
        allocate(Math.min(maxPoints, FIRST_CHUNK));
    }

    private void allocate(int capacity) {
        x = grow(x, capacity);
        y = grow(y, capacity);
        loss = grow(loss, capacity);
        gx = grow(gx, capacity);
        gy = grow(gy, capacity);
        lrx = grow(lrx, capacity);
        lry = grow(lry, capacity);
        eta = grow(eta, capacity);
        for (int k = 0; k < state.length; k++) {
            state[k] = grow(state[k], capacity);
        }
    }

    private static double[] grow(double[] a, int capacity) {
        return a == null ? new double[capacity] : Arrays.copyOf(a, capacity);
    }

    void add(double px, double py, double f, double gradX, double gradY, double lrX, double lrY, double rate) {
        if (size == x.length) {
            allocate((int) Math.min(2L * size, Math.max(maxPoints, size + 1)));
        }
        x[size] = px;
        y[size] = py;
        loss[size] = f;
        gx[size] = gradX;
        gy[size] = gradY;
        lrx[size] = lrX;
        lry[size] = lrY;
        eta[size] = rate;
        for (int k = 0; k < state.length; k++) {
            state[k][size] = stateOf[k].value().applyAsDouble(stateValue[k]);
        }
        size++;
    }

    public int size() {
        return size;
    }

    public double x(int t) {
        return x[check(t)];
    }

    public double y(int t) {
        return y[check(t)];
    }

    public double loss(int t) {
        return loss[check(t)];
    }

    public double gradX(int t) {
        return gx[check(t)];
    }

    public double gradY(int t) {
        return gy[check(t)];
    }

    /** Effective lr of the x coordinate for the update that produced θ_t; NaN at t = 0. */
    public double lrX(int t) {
        return lrx[check(t)];
    }

    public double lrY(int t) {
        return lry[check(t)];
    }

    /** The scheduled rate η_t = lr · s_{t−1} of the update that produced θ_t; NaN at t = 0. */
    public double eta(int t) {
        return eta[check(t)];
    }

    /**
     * The names of the recorded state columns: a per-coordinate quantity q as q_x and q_y, a scalar
     * by its own name (Adam: m_x, m_y, v_x, v_y; Eve also d, f_hat); empty unless requested.
     */
    public List<String> stateNames() {
        return stateNames;
    }

    /** State column {@code column} of {@link #stateNames} after the update that produced θ_t; at t = 0 its start value. */
    public double state(int column, int t) {
        return state[column][check(t)];
    }

    /**
     * The recorded state after the update that produced θ_t (at t = 0 the start state), by quantity
     * name, one value per coordinate or one for a scalar; empty unless requested.
     */
    public Map<String, double[]> stateAt(int t) {
        check(t);
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int k = 0; k < state.length; k++) {
            Quantity q = stateOf[k];
            out.computeIfAbsent(q.name(), n -> new double[q.size()])[stateValue[k]] = state[k][t];
        }
        return out;
    }

    private int check(int t) {
        if (t < 0 || t >= size) {
            throw new IndexOutOfBoundsException("step " + t + " of " + size + " recorded points");
        }
        return t;
    }

    /** A copy of points {@code from} (inclusive) to {@code to} (exclusive), for handing to another thread. */
    public Slice slice(int from, int to) {
        if (from < 0 || to > size || from > to) {
            throw new IndexOutOfBoundsException("slice " + from + ".." + to + " of " + size);
        }
        return new Slice(from, Arrays.copyOfRange(x, from, to), Arrays.copyOfRange(y, from, to),
                Arrays.copyOfRange(loss, from, to), Arrays.copyOfRange(gx, from, to), Arrays.copyOfRange(gy, from, to),
                Arrays.copyOfRange(lrx, from, to), Arrays.copyOfRange(lry, from, to), Arrays.copyOfRange(eta, from, to));
    }

    /** Points {@code first} … {@code first + x.length − 1} of a trajectory, copied. */
    public record Slice(int first, double[] x, double[] y, double[] loss, double[] gradX, double[] gradY,
                        double[] lrX, double[] lrY, double[] eta) {

        public int size() {
            return x.length;
        }
    }
}
