package org.lrplayground.engine.surface;

/** The plotted rectangle x ∈ [xMin, xMax], y ∈ [yMin, yMax]. */
public record Box(double xMin, double xMax, double yMin, double yMax) {

    /** Grid resolution for {@link #minimumOf}: fine enough for the smooth surfaces we offer. */
    private static final int GRID = 400;

    public Box {
        if (!(Double.isFinite(xMin) && Double.isFinite(xMax) && Double.isFinite(yMin) && Double.isFinite(yMax))) {
            throw new IllegalArgumentException("box bounds must be finite numbers");
        }
        if (!(xMin < xMax && yMin < yMax)) {
            throw new IllegalArgumentException("box must have xmin < xmax and ymin < ymax (got "
                    + xMin + "," + xMax + "," + yMin + "," + yMax + ")");
        }
    }

    public static Box square(double half) {
        return new Box(-half, half, -half, half);
    }

    public double width() {
        return xMax - xMin;
    }

    public double height() {
        return yMax - yMin;
    }

    public boolean contains(double x, double y) {
        return x >= xMin && x <= xMax && y >= yMin && y <= yMax;
    }

    /**
     * The smallest finite value of f on a grid over the box, edges included; points where a custom
     * surface is undefined (log of a negative number) or infinite do not count.
     */
    public double minimumOf(Surface surface) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= GRID; i++) {
            double x = xMin + width() * i / GRID;
            for (int j = 0; j <= GRID; j++) {
                double f = surface.value(x, yMin + height() * j / GRID);
                if (Double.isFinite(f)) {
                    min = Math.min(min, f);
                }
            }
        }
        return min;
    }
}
