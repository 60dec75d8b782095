package org.lrplayground.engine.surface;

import java.util.List;

/**
 * The monkey saddle f = x³ − 3xy²: three valleys (for the monkey's legs and tail) meet at a
 * degenerate saddle whose Hessian is 0, so near the origin every gradient method slows to a
 * crawl. Unbounded below; runs stop at the box edge.
 */
public record MonkeySaddle() implements Surface {

    @Override
    public String id() {
        return "monkey-saddle";
    }

    @Override
    public String name() {
        return "Monkey saddle";
    }

    @Override
    public String formula() {
        return "x³ − 3xy²";
    }

    @Override
    public Box box() {
        return Box.square(2);
    }

    /** On the ridge along the positive x axis, slightly to one side of it. */
    @Override
    public Point start() {
        return new Point(1.5, 0.1);
    }

    @Override
    public List<Minimum> minima() {
        return List.of();
    }

    @Override
    public double value(double x, double y) {
        return x * (x * x - 3 * y * y);
    }

    @Override
    public double gradient(double x, double y, double[] grad) {
        grad[0] = 3 * (x * x - y * y);
        grad[1] = -6 * x * y;
        return value(x, y);
    }

    /** The same loop as the default, where this record's gradient can be inlined (see {@link Pointwise}). */
    @Override
    public void gradients(int n, double[] xy, double[] grad, double[] loss) {
        Pointwise.gradients(this::gradient, n, xy, grad, loss);
    }
}
