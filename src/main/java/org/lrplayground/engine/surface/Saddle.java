package org.lrplayground.engine.surface;

import java.util.List;

/**
 * The saddle f = x² − y²: a minimum along x, a maximum along y, unbounded below. Started a hair
 * off the x axis, plain gradient descent slows down near the saddle point before the tiny y
 * component (growing by a factor 1 + 2η per step) carries it away; runs stop at the box edge.
 */
public record Saddle() implements Surface {

    @Override
    public String id() {
        return "saddle";
    }

    @Override
    public String name() {
        return "Saddle";
    }

    @Override
    public String formula() {
        return "x² − y²";
    }

    @Override
    public Box box() {
        return Box.square(2);
    }

    @Override
    public Point start() {
        return new Point(-1.5, 0.001);
    }

    @Override
    public List<Minimum> minima() {
        return List.of();
    }

    @Override
    public double value(double x, double y) {
        return x * x - y * y;
    }

    @Override
    public double gradient(double x, double y, double[] grad) {
        grad[0] = 2 * x;
        grad[1] = -2 * y;
        return value(x, y);
    }

    /** The same loop as the default, where this record's gradient can be inlined (see {@link Pointwise}). */
    @Override
    public void gradients(int n, double[] xy, double[] grad, double[] loss) {
        Pointwise.gradients(this::gradient, n, xy, grad, loss);
    }
}
