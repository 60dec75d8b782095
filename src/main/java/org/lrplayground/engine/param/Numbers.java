package org.lrplayground.engine.param;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Numbers in the run format: plain decimals where readable, exponents otherwise; always round-trip. */
public final class Numbers {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private static final java.math.MathContext FOUR_DIGITS = new java.math.MathContext(4);

    private Numbers() {
    }

    /** The shortest text that parses back to exactly {@code value}. */
    public static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            // Long.toString would drop the sign of −0, which then would not parse back to exactly −0.
            return (value == 0 && 1 / value < 0 ? "-" : "") + Long.toString((long) value);
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-5 && magnitude < 1e15) {
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
        return Double.toString(value).replace(".0E", "E").replace('E', 'e');
    }

    /**
     * A number as people read it on screen, e.g. {@code 0.01235}, {@code 3.14e-9}, {@code –} for a
     * non-finite value: four significant digits, with an exponent below 10⁻³ and from 10⁵. The
     * browser's charts format with the same rule (lr-charts.js, {@code fmt}).
     */
    public static String readable(double value) {
        if (!Double.isFinite(value)) {
            return "–";
        }
        BigDecimal rounded = new BigDecimal(value).round(FOUR_DIGITS);
        double a = Math.abs(rounded.doubleValue());
        if (a == 0 || (a >= 1e-3 && a < 1e5)) {
            return rounded.stripTrailingZeros().toPlainString();
        }
        int exponent = rounded.precision() - rounded.scale() - 1;
        return rounded.movePointLeft(exponent).stripTrailingZeros().toPlainString() + "e" + exponent;
    }

    /** Three significant digits: rates as people read them (sliders, the lr finder, a tuning's grid) and links carry them. */
    public static double threeDigits(double value) {
        return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", value));
    }

    /**
     * Parses a decimal number; unlike {@link Double#parseDouble} it rejects hexadecimal, "NaN",
     * "Infinity" and type suffixes, which have no place in a link.
     *
     * @throws NumberFormatException when the text is not a plain decimal number
     */
    public static double parse(String text) {
        if (!DECIMAL.matcher(text).matches()) {
            throw new NumberFormatException(text);
        }
        return Double.parseDouble(text);
    }
}
