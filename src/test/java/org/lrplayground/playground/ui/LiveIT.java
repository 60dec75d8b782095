package org.lrplayground.playground.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lrplayground.browser.BrowserConsole;
import org.lrplayground.browser.InBrowser;
import org.lrplayground.lessons.Lessons;
import org.lrplayground.browser.Races;

/** Live and lasting, in a real browser: edits redraw at once, nothing is wiped, undo and Back, the legend and results. */
@InBrowser
class LiveIT {

    private static final String SCENE = "surface=rosenbrock&start=-1.5,2&steps=2000"
            + "&run=adagrad:lr=0.5&run=rmsprop:lr=0.01&run=adam:lr=0.05&run=sgd:lr=1&speed=instant";

    private static void open(Page page, String query) {
        page.navigate("/?" + query);
        page.waitForFunction("() => { const e = document.querySelector('lr-surface-plot');"
                + " return e && e._chart && e._surface && e.startPoint; }");
    }

    private static List<String> statuses(Page page) {
        return page.locator(".race-results .cell-status").allTextContents();
    }

    @Test
    void draggingASliderRedrawsTheFinishedRaceWhileItMovesAndTheAddressFollows(Page page, BrowserConsole console) {
        open(page, SCENE);
        page.click("#run");
        page.waitForFunction(Races.ENDED);
        String before = String.join("|", statuses(page));
        Locator slider = page.locator(".run-card").nth(3).locator("input[type=range]");

        // Drag SGD's lr slider down from 1 to 1e-3 in a few moves, no button let go: each move reaches
        // the scene (three significant digits of 10^v) while the slider is still held.
        String[] rates = {"0.316", "0.0316", "0.00316", "0.001"};
        double[] moves = {-0.5, -1.5, -2.5, -3};
        for (int i = 0; i < moves.length; i++) {
            slider.evaluate("(s, v) => { s.value = v; s.dispatchEvent(new Event('input', {bubbles: true})); }", moves[i]);
            page.waitForFunction("r => location.search.includes('run=sgd:lr=' + r + ',')", rates[i]);
        }
        page.waitForFunction("() => document.querySelectorAll('.race-results .cell-status')[3].getAttribute('kind') !== 'diverged'");

        assertThat(String.join("|", statuses(page))).isNotEqualTo(before);
        assertThat(statuses(page)).noneMatch(s -> s.equals("ready")).allMatch(s -> !s.startsWith("step "));
        assertThat(page.locator(".race-results .cell-status").nth(3)).hasAttribute("kind", "max-steps");
        assertThat(page.locator("#run")).hasText("Run again");
        assertThat(console.errors()).isEmpty();
    }

    @Test
    void undoRedoAndBackStepThroughSettledEditsAndALessonTakesOneBackPress(Page page, BrowserConsole console) {
        open(page, "surface=booth&run=sgd:lr=0.01&speed=instant");
        Locator lr = page.locator(".run-card").first().getByLabel("lr", new Locator.GetByLabelOptions().setExact(true));
        lr.fill("0.02");
        lr.press("Enter");
        page.waitForFunction("() => location.search.includes('lr=0.02')");
        page.waitForTimeout(1600); // one settled edit later: a history step of its own
        lr.fill("0.03");
        lr.press("Enter");
        page.waitForFunction("() => location.search.includes('lr=0.03')");

        page.locator("body").click(new Locator.ClickOptions().setPosition(1, 1));
        page.keyboard().press("Control+z");
        page.waitForFunction("() => location.search.includes('lr=0.02')");
        page.click("#undo");
        page.waitForFunction("() => location.search.includes('lr=0.01')");
        page.click("#redo");
        page.waitForFunction("() => location.search.includes('lr=0.02')");
        assertThat(lr).hasValue("0.02");

        page.goBack();
        page.waitForFunction("() => location.search.includes('lr=0.01')");
        assertThat(lr).hasValue("0.01");
        page.goForward();
        page.waitForFunction("() => location.search.includes('lr=0.02')");
        assertThat(lr).hasValue("0.02");

        page.navigate("/?" + org.lrplayground.lessons.Lessons.ALL.get(1).link());
        Locator position = page.locator(".lesson-panel .lesson-position");
        assertThat(position).hasText("Lesson 2 of " + Lessons.ALL.size());
        page.click(".lesson-panel .next");
        assertThat(position).hasText("Lesson 3 of " + Lessons.ALL.size());
        // Back while the page still talks to the server about lesson 3 can land on lesson 3 again (one run
        // in about eight, in Vaadin's router): a reader's Back comes later, and so does this one.
        page.waitForFunction("() => Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive())");
        page.goBack();
        assertThat(position).hasText("Lesson 2 of " + Lessons.ALL.size());
        page.waitForFunction("() => location.search.includes('lesson=" + org.lrplayground.lessons.Lessons.ALL.get(1).id() + "')");
        assertThat(console.errors()).isEmpty();
    }

    @Test
    void oneLegendForEveryChartHidesAndHighlightsARunAndTheResultsStayWhenThePanelsAreHidden(Page page, BrowserConsole console) {
        open(page, SCENE + "&hide=problem,runs");
        page.click("#run");
        page.waitForFunction(Races.ENDED);

        assertThat(page.locator(".side")).isHidden();
        double stage = page.locator(".stage").boundingBox().width;
        assertThat(stage).as("the hidden panels free their column").isGreaterThan(0.9 * page.viewportSize().width - 64);
        assertThat(page.locator(".race-legend-item")).hasCount(4);
        assertThat(page.locator(".race-legend-key")).containsText("x");
        Object legends = page.evaluate("() => [...document.querySelectorAll('lr-line-chart')]"
                + ".map(c => c._chart.getOption().legend[0].show)");
        assertThat(legends).isEqualTo(List.of(false, false, false));
        assertThat(statuses(page)).hasSize(4);
        assertThat(page.locator(".race-results-notes")).containsText("4. diverged at step");
        Object cross = page.evaluate("() => document.querySelector('lr-surface-plot')._chart.getOption().series"
                + ".find(s => s.id === 'path-3').markPoint.data[0].symbol");
        assertThat(cross).as("the diverged run's last finite point is marked with a cross").asString().startsWith("path://M20,0");

        page.locator(".race-legend-item").nth(2).hover();
        page.waitForFunction("() => document.querySelector('lr-surface-plot')._highlight === 2");
        Object opacity = page.evaluate("() => document.querySelector('lr-surface-plot')._chart.getOption().series"
                + ".filter(s => s.id.startsWith('path-')).map(s => s.lineStyle.opacity)");
        assertThat(opacity).isEqualTo(List.of(0.15, 0.15, 1, 0.15));
        page.locator(".race-legend-item").nth(2).click();
        page.waitForFunction("() => document.querySelector('lr-surface-plot')._chart.getOption().series"
                + ".find(s => s.id === 'path-2').data.length === 0");
        assertThat(page.locator(".race-legend-item").nth(2)).hasAttribute("aria-pressed", "false");
        assertThat(console.errors()).isEmpty();
    }

    @Test
    void onAPhoneATapOnThePlotKeepsTheSceneAndALongPressMovesTheStart(Page page, BrowserConsole console) {
        page.navigate("/");
        String origin = page.evaluate("() => location.origin").toString();
        Browser browser = page.context().browser();
        try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setBaseURL(origin)
                .setViewportSize(390, 844).setHasTouch(true).setIsMobile(true))) {
            Page p = phone.newPage();
            open(p, "surface=rosenbrock&start=-1.5,2&steps=300&run=adam:lr=0.05&play=1&speed=instant");
            p.waitForFunction(Races.ENDED);
            String scene = p.url();
            var box = p.locator("lr-surface-plot").boundingBox();
            double x = box.x + box.width / 2, y = box.y + box.height / 2;

            p.evaluate("() => { window.picks = 0; document.querySelector('lr-surface-plot')"
                    + ".addEventListener('start-picked', () => window.picks++); }");

            p.touchscreen().tap(x, y);
            // A tap's click is ignored at once; a long press that it started would pick 550 ms later,
            // before the long press below can, so one pick at the end means the tap picked nothing.
            assertThat(p.evaluate("() => window.picks")).isEqualTo(0);
            assertThat(p.url()).isEqualTo(scene);

            p.locator("lr-surface-plot").dispatchEvent("pointerdown", java.util.Map.of("pointerType", "touch",
                    "clientX", x, "clientY", y, "isPrimary", true, "bubbles", true));
            p.waitForFunction("url => location.href !== url", scene);
            assertThat(p.evaluate("() => window.picks")).isEqualTo(1);
            assertThat(p.url()).doesNotContain("start=-1.5,2");
            p.waitForFunction(Races.ENDED);
        }
        assertThat(console.errors()).isEmpty();
    }
}
