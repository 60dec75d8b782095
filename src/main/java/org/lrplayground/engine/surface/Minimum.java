package org.lrplayground.engine.surface;

/** A known (local or global) minimum and its value. */
public record Minimum(Point at, double value) {

    public Minimum(double x, double y, double value) {
        this(new Point(x, y), value);
    }
}
