package org.lrplayground.engine.param;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Numbers in the run format: plain decimals where readable, exponents otherwise; always round-trip. */
public final class Numbers {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

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
