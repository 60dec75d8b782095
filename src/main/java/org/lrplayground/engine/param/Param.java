package org.lrplayground.engine.param;

import java.util.function.ToDoubleFunction;

/**
 * One hyperparameter, declared once: its PyTorch name, default, valid range and help line.
 * This declaration drives validation, defaults, the run format, the API's normalised spec and
 * the UI's generated fields; nothing else lists parameter names.
 *
 * <p>Defaults may depend on the run (for example {@code T_max} defaults to the run's steps and
 * {@code max_lr} to the run's lr), hence a function of the {@link Context}.
 *
 * @param name      the key in the run format, PyTorch's argument name where one exists
 * @param kind      real, integer or boolean (booleans are stored as 0 and 1)
 * @param defaults  the default given the run's context
 * @param min       smallest accepted value
 * @param minOpen   whether {@code min} itself is rejected
 * @param max       largest accepted value (inclusive)
 * @param logScale  lr-like: the UI offers a log-scale control
 * @param help      one line shown next to the field
 */
public record Param(String name, Kind kind, ToDoubleFunction<Context> defaults, double min, boolean minOpen,
                    double max, boolean logScale, String help) {

    public enum Kind { REAL, INTEGER, BOOLEAN }

    /** What a default may depend on: the run's base learning rate and its number of steps. */
    public record Context(double lr, int steps) {
        public static final Context NONE = new Context(Double.NaN, 1000);
    }

    public static Param real(String name, double def, double min, double max, String help) {
        return new Param(name, Kind.REAL, c -> def, min, false, max, false, help);
    }

    /** A real that must be strictly greater than {@code min}. */
    public static Param above(String name, double def, double min, double max, String help) {
        return new Param(name, Kind.REAL, c -> def, min, true, max, false, help);
    }

    public static Param integer(String name, int def, int min, int max, String help) {
        return new Param(name, Kind.INTEGER, c -> def, min, false, max, false, help);
    }

    public static Param bool(String name, boolean def, String help) {
        return new Param(name, Kind.BOOLEAN, c -> def ? 1 : 0, 0, false, 1, false, help);
    }

    /** A learning rate: strictly positive, at most 100, shown on a log scale. */
    public static Param lr(double def) {
        return lr("lr", def, "learning rate");
    }

    public static Param lr(String name, double def, String help) {
        return new Param(name, Kind.REAL, c -> def, 0, true, 100, true, help);
    }

    /** The same parameter with a default computed from the run. */
    public Param withDefault(ToDoubleFunction<Context> computed) {
        return new Param(name, kind, computed, min, minOpen, max, logScale, help);
    }

    public double defaultValue(Context context) {
        return defaults.applyAsDouble(context);
    }

    /**
     * Checks a value and returns it; the message names the parameter and what is accepted.
     *
     * @throws ValueException when the value is out of range, not finite or not whole
     */
    public double check(double value) {
        if (!Double.isFinite(value)) {
            throw new ValueException(name + " must be a finite number", accepted());
        }
        boolean tooLow = minOpen ? value <= min : value < min;
        if (tooLow || value > max || (kind != Kind.REAL && value != Math.rint(value))) {
            throw new ValueException(name + " = " + Numbers.format(value) + " is not accepted", accepted());
        }
        return value;
    }

    public int checkInt(double value) {
        return (int) check(value);
    }

    /** Parses the run format's text for this parameter. */
    public double parse(String text) {
        if (kind == Kind.BOOLEAN) {
            return switch (text) {
                case "true" -> 1;
                case "false" -> 0;
                default -> throw new ValueException(name + " must be true or false, not '" + text + "'", accepted());
            };
        }
        double value;
        try {
            value = Numbers.parse(text);
        } catch (NumberFormatException e) {
            throw new ValueException(name + " must be a number, not '" + text + "'", accepted());
        }
        return check(value);
    }

    /** The run format's text for a value of this parameter. */
    public String format(double value) {
        return switch (kind) {
            case BOOLEAN -> value != 0 ? "true" : "false";
            case INTEGER, REAL -> Numbers.format(value);
        };
    }

    /** What is accepted: "0 < lr ≤ 100", "whole numbers 1 to 100000" or "true or false". */
    public String accepted() {
        return switch (kind) {
            case BOOLEAN -> "true or false";
            case INTEGER -> "whole numbers " + Numbers.format(min) + " to " + Numbers.format(max);
            case REAL -> Numbers.format(min) + (minOpen ? " < " : " ≤ ") + name
                    + (max == Double.MAX_VALUE ? "" : " ≤ " + Numbers.format(max));
        };
    }
}
