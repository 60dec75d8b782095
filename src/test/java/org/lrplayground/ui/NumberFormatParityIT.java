package org.lrplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lrplayground.browser.InBrowser;
import org.lrplayground.engine.param.Numbers;

/**
 * The server (Numbers.readable: notes, tables, explanations) and the charts (lr-charts.js's fmt:
 * axes, tooltips) write numbers by one rule in two languages; this holds the two to each other over
 * the values where such rules part: rounding ties, the exponent's thresholds before and after
 * rounding, signs, zero, and values that are not finite.
 */
@InBrowser
class NumberFormatParityIT {

    private static final double[] VALUES = {
            0, -0.0, 1, -1, 0.5, 0.1 + 0.2, 1.0 / 3, -2.0 / 3, 3.14159265, -3.14159265, 0.0025482967479793467,
            0.001, 0.00099995, 0.000999949, 9.9995e-4, 1e-3 - 1e-12, 0.0012345, 1.2345, 12.345, 123.45, 1234.5,
            12345.6, 99994.9, 99995, 99999.5, 1e5, 123456789, -987654.321, 6.02214076e23, 2.5e-9, 4.9e-324,
            1.7976931348623157e308, 1e-300, 0.45, 0.125, 2.675, 1.0005, 1.00049, 9.9995, 0.99995,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
    };

    @Test
    void theChartsWriteEveryNumberAsTheServerDoes(Page page) {
        page.navigate("/");
        page.waitForFunction("() => customElements.get('lr-surface-plot')?.fmt");
        List<String> expected = new ArrayList<>();
        // JSON has no NaN or infinities: they travel as strings and are turned back in the page.
        List<Object> sent = new ArrayList<>();
        for (double v : VALUES) {
            expected.add(Numbers.readable(v));
            sent.add(Double.isFinite(v) ? (Object) v : Double.toString(v));
        }

        @SuppressWarnings("unchecked")
        List<String> written = (List<String>) page.evaluate("values => values.map(v => customElements.get('lr-surface-plot')"
                + ".fmt(typeof v === 'string' ? Number(v) : v))", sent);

        List<String> differ = new ArrayList<>();
        for (int i = 0; i < VALUES.length; i++) {
            if (!written.get(i).equals(expected.get(i))) {
                differ.add(VALUES[i] + ": server " + expected.get(i) + ", charts " + written.get(i));
            }
        }
        assertThat(differ).isEmpty();
    }
}
