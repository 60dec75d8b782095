package org.lrplayground.playground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.lrplayground.browser.BrowserConsole;
import org.lrplayground.browser.InBrowser;
import org.lrplayground.browser.Races;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The timeline and "Explain this step" in a real browser: scrubbing moves each run's marker to its
 * point at that step, the buttons and keys step back and forward, and the dialog's numbers are the
 * step table's while the step is drawn on the plot.
 */
@InBrowser
class ExplainIT {

    private static final String SCENE = "surface=himmelblau&start=-1,-1&steps=60&run=adam:lr=0.1&run=momentum:lr=0.002";
    private static final String PLOT = "document.querySelector('lr-surface-plot')";

    /** The step each run's marker stands at, once every run has one. */
    private static void awaitMarkersAt(Page page, int step) {
        page.waitForFunction("t => { const p = " + PLOT + ".cursorPoints;"
                + " return p.length === 2 && p.every(q => q && q[2] === t); }", step);
    }

    @Test
    void scrubbingStepsAndExplainingAStepShowItsNumbersAndItsArrows(Page page, BrowserConsole console) {
        JsonNode api = JsonMapper.shared().readTree(page.request().get("/api/runs?" + SCENE).text());
        page.navigate("/?" + SCENE + "&speed=instant");
        page.waitForFunction("() => { const e = " + PLOT + "; return e && e._chart && e._surface && e.startPoint; }");
        page.click("#run");
        page.waitForFunction(Races.ENDED);
        page.waitForFunction("() => JSON.stringify(" + PLOT + ".pointCounts) === '[61,61]'");
        assertThat((Boolean) page.evaluate("() => " + PLOT + ".cursorPoints.every(p => p === null)"))
                .as("no marker at the last step").isTrue();

        page.fill("#timeline", "20");
        page.dispatchEvent("#timeline", "change");

        awaitMarkersAt(page, 20);
        @SuppressWarnings("unchecked")
        List<List<Number>> markers = (List<List<Number>>) page.evaluate("() => " + PLOT + ".cursorPoints");
        for (int r = 0; r < 2; r++) {
            JsonNode points = api.get("runs").get(r).get("points");
            assertThat(markers.get(r).get(0).doubleValue()).isCloseTo(points.get("x").get(20).asDouble(), Offset.offset(1e-6));
            assertThat(markers.get(r).get(1).doubleValue()).isCloseTo(points.get("y").get(20).asDouble(), Offset.offset(1e-6));
        }
        assertThat(page.evaluate("() => document.querySelector('lr-line-chart').cursorStep")).isEqualTo(20);
        assertThat(page.locator(".timeline-step").textContent()).isEqualTo("step 20 of 60");

        page.click("#step-back");
        awaitMarkersAt(page, 19);
        // The arrows go on stepping with the clicked step button still focused.
        page.keyboard().press("ArrowLeft");
        awaitMarkersAt(page, 18);
        page.keyboard().press("ArrowRight");
        awaitMarkersAt(page, 19);
        page.click("#step-forward");
        awaitMarkersAt(page, 20);
        assertThat(page.locator(".timeline-step").textContent()).isEqualTo("step 20 of 60");

        page.click("#explain");
        page.waitForSelector(".explain-row[symbol='lr']");
        assertThat(page.locator(".explain-summary").textContent()).startsWith("Adam, step 20:");
        // The effective rate of x at step 20, as the step table writes it.
        String lrX = StepTable.cell(api.get("runs").get(0).get("points").get("lr_x").get(20).asDouble());
        assertThat(page.locator(".explain-row[symbol='lr'] .explain-value[coordinate='x']").textContent())
                .startsWith("x: 0.1 / (√").endsWith(" = " + lrX);
        page.waitForFunction("() => " + PLOT + ".stepShapes.arrows === 3 && " + PLOT + ".stepShapes.bars === 2");

        page.locator("vaadin-dialog.explain-dialog vaadin-button[aria-label='Close']").click();
        page.waitForFunction("() => " + PLOT + ".stepShapes.arrows === 0");
        assertThat(console.errors()).isEmpty();
    }
}
