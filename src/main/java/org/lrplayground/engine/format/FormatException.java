package org.lrplayground.engine.format;

/** A run-format error that names the offending parameter, e.g. {@code run[2].lr}. */
public final class FormatException extends IllegalArgumentException {

    private final String parameter;

    public FormatException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** Where the problem is: a query key such as {@code steps}, or {@code run[i]} / {@code run[i].key}. */
    public String parameter() {
        return parameter;
    }
}
