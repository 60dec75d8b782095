package org.lrplayground.playground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lrplayground.browser.BrowserConsole;
import org.lrplayground.browser.InBrowser;
import org.lrplayground.engine.finder.LrFinder;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.param.Numbers;
import org.lrplayground.engine.run.RunSpec;

/** The learning-rate finder in a real browser: the sweep is drawn and a suggestion becomes the run's lr. */
@InBrowser
class LrFinderIT {

    private static final String SCENE = "surface=rosenbrock&start=-1.5,2&run=sgd:lr=0.001&run=adam:lr=0.05";
    /** The dialog's chart once its series have arrived. */
    static final String CHART = "document.querySelector('.lr-finder lr-line-chart')";

    @Test
    void theSweepIsDrawnAgainstIncreasingRatesAndUsingTheSteepestOneSetsRunOnesLr(Page page, BrowserConsole console) {
        RunSpec spec = RunFormat.parse(SCENE);
        double steep = RunEditor.round(LrFinder.DEFAULT.find(spec, spec.start(), spec.runs().get(0).optimizer().instance())
                .steep().lr().orElseThrow());
        page.navigate("/?" + SCENE);
        page.waitForFunction("() => document.querySelector('lr-surface-plot')?._chart");

        page.locator(".run-card").first().getByLabel("Find learning rate").click();
        page.waitForFunction("() => { const c = " + CHART + "; return c && c._chart && c.seriesData('smoothed').length > 0; }");

        @SuppressWarnings("unchecked")
        List<List<Number>> loss = (List<List<Number>>) page.evaluate("() => " + CHART + ".seriesData('loss')");
        assertThat(loss).hasSizeGreaterThan(20);
        for (int i = 1; i < loss.size(); i++) {
            assertThat(loss.get(i).get(0).doubleValue()).as("lr of point %d", i)
                    .isGreaterThan(loss.get(i - 1).get(0).doubleValue());
        }
        Locator use = page.locator(".lr-finder vaadin-button").filter(new Locator.FilterOptions().setHasText("Use lr = ")).first();
        assertThat(use.textContent()).contains("Use lr = " + Numbers.format(steep) + " (steepest descent)");

        use.click();
        page.waitForFunction("lr => new URLSearchParams(location.search).getAll('run')[0].startsWith('sgd:lr=' + lr + ',')",
                Numbers.format(steep));
        page.waitForFunction("() => !document.querySelector('.lr-finder')");
        assertThat(page.locator(".run-card").first().getByLabel("lr", new Locator.GetByLabelOptions().setExact(true))
                .inputValue()).isEqualTo(Numbers.format(steep));
        assertThat(console.errors()).isEmpty();
    }
}
