package org.lrplayground.playground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lrplayground.browser.BrowserConsole;
import org.lrplayground.browser.InBrowser;
import org.lrplayground.engine.analysis.Tuning;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.param.Numbers;

/** The tuning dialog in a real browser: every run's curve is drawn with its best marked, and "Apply best" sets the runs' rates. */
@InBrowser
class TuneIT {

    private static final String SCENE = "surface=ravine&kappa=50&steps=200&run=sgd&run=momentum:lr=0.001";
    private static final String CHART = "document.querySelector('.lr-tune lr-line-chart')";

    @Test
    void theCurvesAreDrawnAndApplyBestSetsEveryRunsRate(Page page, BrowserConsole console) {
        List<Tuning.Tuned> expected = Tuning.of(RunFormat.parse(SCENE), Tuning.Settings.DEFAULT);
        String momentumLr = Numbers.format(expected.get(1).lr().best());
        page.navigate("/?" + SCENE);
        page.waitForFunction("() => document.querySelector('lr-surface-plot')?._chart");

        page.locator("#tune").click();
        page.waitForFunction("() => { const c = " + CHART + "; return c && c._chart && c.seriesData('tune-1').length > 0; }");

        for (Tuning.Tuned t : expected) {
            @SuppressWarnings("unchecked")
            List<List<Number>> points = (List<List<Number>>) page.evaluate("id => " + CHART + ".seriesData(id)", "tune-" + t.run());
            long finite = Arrays.stream(t.lr().scores()).filter(Double::isFinite).count();
            assertThat(points).as("the rates that held, not the diverged ones").hasSize((int) finite);
        }
        assertThat(page.evaluate("() => " + CHART + "._markers.map((m) => m.x)")).asList()
                .extracting(x -> ((Number) x).doubleValue()).containsExactly(0.0316, expected.get(1).lr().best());
        assertThat(page.locator(".lr-tune-best").first().textContent()).contains("best lr = 0.0316");

        page.locator(".lr-tune-apply").click();

        page.waitForFunction("() => !document.querySelector('.lr-tune')");
        page.waitForFunction("lr => { const runs = new URLSearchParams(location.search).getAll('run');"
                + " return runs[0].startsWith('sgd:lr=0.0316,') && runs[1].startsWith('momentum:lr=' + lr + ','); }", momentumLr);
        Locator labels = page.locator(".run-card .run-label");
        assertThat(labels.nth(0).textContent()).isEqualTo("SGD lr=0.0316");
        assertThat(labels.nth(1).textContent()).startsWith("Momentum lr=" + momentumLr);
        assertThat(page.locator(".run-card").first().getByLabel("lr", new Locator.GetByLabelOptions().setExact(true))
                .inputValue()).isEqualTo("0.0316");
        assertThat(console.errors()).isEmpty();
    }
}
