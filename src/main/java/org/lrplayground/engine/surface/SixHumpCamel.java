package org.lrplayground.engine.surface;

import java.util.List;

/**
 * The six-hump camel function, f = (4 − 2.1x² + x⁴/3)x² + xy + (−4 + 4y²)y² (x⁴/3, not the
 * x^0.75 of one doc), with two global minima −1.0316284535 and four local ones. f* is negative,
 * so Eve and Polyak need f − f*, not f. Reference: L. C. W. Dixon and G. P. Szegő, <i>Towards
 * Global Optimisation 2</i> (1978).
 */
public record SixHumpCamel() implements Surface {

    @Override
    public String id() {
        return "six-hump-camel";
    }

    @Override
    public String name() {
        return "Six-hump camel";
    }

    @Override
    public String formula() {
        return "(4 − 2.1x² + x⁴/3)x² + xy + (−4 + 4y²)y²";
    }

    @Override
    public Box box() {
        return new Box(-3, 3, -2, 2);
    }

    /** On the outer slope: plain descent settles in the local minimum −0.2155 at (−1.70, 0.80). */
    @Override
    public Point start() {
        return new Point(-2.5, 1.5);
    }

    @Override
    public List<Minimum> minima() {
        return List.of(new Minimum(0.08984201310031807, -0.7126564030207396, -1.0316284534898776),
                new Minimum(-0.08984201310031807, 0.7126564030207396, -1.0316284534898776),
                new Minimum(-1.703606714969981, 0.7960835686726251, -0.21546382438371459),
                new Minimum(1.703606714969981, -0.7960835686726251, -0.21546382438371459),
                new Minimum(1.6071047529201967, 0.5686514548841314, 2.1042503103112598),
                new Minimum(-1.6071047529201967, -0.5686514548841314, 2.1042503103112598));
    }

    @Override
    public double value(double x, double y) {
        double x2 = x * x;
        double y2 = y * y;
        return (4 - 2.1 * x2 + x2 * x2 / 3) * x2 + x * y + (-4 + 4 * y2) * y2;
    }

    @Override
    public double gradient(double x, double y, double[] grad) {
        double x2 = x * x;
        grad[0] = x * (8 - 8.4 * x2 + 2 * x2 * x2) + y;
        grad[1] = x - 8 * y + 16 * y * y * y;
        return value(x, y);
    }

    /** The same loop as the default, where this record's gradient can be inlined (see {@link Pointwise}). */
    @Override
    public void gradients(int n, double[] xy, double[] grad, double[] loss) {
        Pointwise.gradients(this::gradient, n, xy, grad, loss);
    }
}
