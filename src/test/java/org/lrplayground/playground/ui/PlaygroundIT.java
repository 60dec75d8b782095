package org.lrplayground.playground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.lrplayground.browser.BrowserConsole;
import org.lrplayground.browser.InBrowser;
import org.lrplayground.browser.Races;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.link.PageLink;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The playground in a real browser: the race is drawn, the start can be clicked, links restore scenes. */
@InBrowser
class PlaygroundIT {

    /** Rosenbrock with Adagrad, RMSProp and Adam, as in the issue, and a plain SGD that diverges. */
    private static final String FOUR_RUNS = "surface=rosenbrock&start=-1.5,2&steps=300"
            + "&run=adagrad:lr=0.5&run=rmsprop:lr=0.01&run=adam:lr=0.05&run=sgd:lr=1";
    private static final Locator.GetByLabelOptions EXACT = new Locator.GetByLabelOptions().setExact(true);
    private static final Page.GetByLabelOptions PAGE_EXACT = new Page.GetByLabelOptions().setExact(true);

    /** Opens the playground and waits until the surface and the start marker are drawn. */
    private static void open(Page page, String query) {
        page.navigate("/" + (query.isEmpty() ? "" : "?" + query));
        page.waitForFunction("() => { const e = document.querySelector('lr-surface-plot');"
                + " return e && e._chart && e._surface && e.startPoint; }");
    }

    private static String query(Page page) {
        String url = page.url();
        return url.substring(url.indexOf('?') + 1);
    }

    @Test
    void theRacersAreDrawnToTheEndAndEndAsTheApiSays(Page page, BrowserConsole console) {
        JsonNode api = JsonMapper.shared().readTree(page.request().get("/api/runs?" + FOUR_RUNS).text());
        List<Integer> sizes = new ArrayList<>();
        for (JsonNode run : api.get("runs")) {
            sizes.add(run.get("points").get("x").size());
        }
        open(page, FOUR_RUNS);

        page.click("#run");
        page.waitForFunction("sizes => JSON.stringify(document.querySelector('lr-surface-plot').pointCounts)"
                + " === JSON.stringify(sizes)", sizes, new Page.WaitForFunctionOptions().setTimeout(60_000));
        page.waitForFunction(Races.ENDED);

        List<String> kinds = page.locator(".race-results .cell-status").all().stream().map(l -> l.getAttribute("kind")).toList();
        for (int r = 0; r < sizes.size(); r++) {
            JsonNode status = api.get("runs").get(r).get("status");
            assertThat(kinds.get(r)).isEqualTo(status.get("kind").asString());
            assertThat(page.locator(".race-results .cell-status").nth(r).textContent()).contains(String.valueOf(status.get("step").asInt()));
        }
        assertThat(kinds.get(3)).isEqualTo("diverged");
        assertThat(page.locator(".race-results-notes").textContent())
                .contains("4. " + api.get("runs").get(3).get("status").get("reason").asString());
        // Each run has a solid x and a dashed y effective-lr series, without the t = 0 point.
        Object lrPoints = page.evaluate("() => document.querySelectorAll('lr-line-chart')[1].seriesData('lrx-0').length");
        assertThat(((Number) lrPoints).intValue()).isEqualTo(sizes.get(0) - 1);
        // What the chart is for: Adagrad's rate only falls, RMSProp's falls and recovers.
        String trend = "id => { const d = document.querySelectorAll('lr-line-chart')[1].seriesData(id).map(p => p[1]);"
                + " const min = Math.min(...d); return [d[0], min, d[d.length - 1]]; }";
        @SuppressWarnings("unchecked")
        List<Number> adagrad = (List<Number>) page.evaluate(trend, "lrx-0");
        @SuppressWarnings("unchecked")
        List<Number> rmsprop = (List<Number>) page.evaluate(trend, "lrx-1");
        assertThat(adagrad.get(2).doubleValue()).isEqualTo(adagrad.get(1).doubleValue()).isLessThan(adagrad.get(0).doubleValue() / 2);
        assertThat(rmsprop.get(2).doubleValue()).isGreaterThan(rmsprop.get(1).doubleValue() * 2);

        // Every point of a path is a dot that tells its run and step when hovered. Which of two dots a pixel
        // apart answers depends on the layout, so what is checked is that the dot the tooltip names is under
        // the mouse: hover a later run's dot (so that runs are told apart) with as much room as there is.
        @SuppressWarnings("unchecked")
        List<Number> mouse = (List<Number>) page.evaluate("() => { const e = document.querySelector('lr-surface-plot');"
                + " const r = e.getBoundingClientRect(); const inside = (q) => e._chart.containPixel({gridIndex: 0}, q);"
                + " const all = e._runs.flatMap((run, k) => run.data.map((p) => ({k,"
                + "   q: e._chart.convertToPixel({gridIndex: 0}, [p[0], p[1]])}))).filter(d => inside(d.q));"
                + " let best = null, room = -1;"
                + " for (const d of all.filter(d => d.k > 0)) { const near = Math.min(...all.filter(o => o !== d)"
                + "   .map(o => Math.hypot(o.q[0] - d.q[0], o.q[1] - d.q[1])));"
                + "   if (near > room) { room = near; best = [r.left + d.q[0], r.top + d.q[1]]; } }"
                + " return best; }");
        page.mouse().move(mouse.get(0).doubleValue(), mouse.get(1).doubleValue());
        page.waitForFunction("() => [...document.querySelectorAll('lr-surface-plot div')].some(d => /^\\d+\\. .*\\nstep \\d+\\n/.test(d.innerText))");
        String tip = (String) page.evaluate("() => [...document.querySelectorAll('lr-surface-plot div')]"
                + ".map(d => d.innerText).find(t => /^\\d+\\. .*\\nstep \\d+\\n/.test(t))");
        Matcher named = Pattern.compile("^(\\d+\\. [^\n]+)\nstep (\\d+)\n").matcher(tip);
        assertThat(named.find()).as(tip).isTrue();
        assertThat(tip).contains("loss = ");
        Number away = (Number) page.evaluate("([name, step, mx, my]) => { const e = document.querySelector('lr-surface-plot');"
                + " const run = e._runs.find(r => r.name === name); const p = run.data.find(p => p[2] === step);"
                + " const q = e._chart.convertToPixel({gridIndex: 0}, [p[0], p[1]]); const r = e.getBoundingClientRect();"
                + " return Math.hypot(r.left + q[0] - mx, r.top + q[1] - my); }",
                List.of(named.group(1), Integer.parseInt(named.group(2)), mouse.get(0), mouse.get(1)));
        assertThat(away.doubleValue()).as("the dot of %s, step %s, from the mouse", named.group(1), named.group(2))
                .isLessThan(5);
        assertThat(console.errors()).isEmpty();
    }

    @Test
    void clickingThePlotWhileStoppedMovesTheStartAndTheKeysStepAndRun(Page page, BrowserConsole console) {
        open(page, FOUR_RUNS);
        // In the dark theme too: the chart is rebuilt for it and must still listen to clicks.
        page.click("vaadin-button[aria-label='Dark theme']");
        page.waitForFunction("() => { const e = document.querySelector('lr-surface-plot'); return e._dark && e._chart; }");

        @SuppressWarnings("unchecked")
        List<Number> pixel = (List<Number>) page.evaluate(
                "() => document.querySelector('lr-surface-plot')._chart.convertToPixel({gridIndex: 0}, [0.5, 0.25])");
        var box = page.locator("lr-surface-plot").boundingBox();
        page.mouse().click(box.x + pixel.get(0).doubleValue(), box.y + pixel.get(1).doubleValue());
        page.waitForFunction("() => !location.search.includes('start=-1.5,2')");

        RunSpec spec = PageLink.spec(URLDecoder.decode(query(page), StandardCharsets.UTF_8));
        assertThat(spec.start().x()).isCloseTo(0.5, Offset.offset(0.02));
        assertThat(spec.start().y()).isCloseTo(0.25, Offset.offset(0.02));
        @SuppressWarnings("unchecked")
        List<Number> marker = (List<Number>) page.evaluate("() => document.querySelector('lr-surface-plot').startPoint");
        assertThat(marker.get(0).doubleValue()).isEqualTo(spec.start().x());

        page.evaluate("() => document.activeElement.blur()"); // on the focused plot, the arrow keys move the start
        page.keyboard().press("ArrowRight");
        page.waitForFunction("() => document.querySelector('.race-results .cell-status').textContent === 'step 1'");
        page.keyboard().press("Space");
        page.waitForFunction("() => document.querySelector('lr-surface-plot').pointCount > 20");
        assertThat(console.errors()).isEmpty();
    }

    @Test
    void theAddressAfterEditsRestoresTheSameSceneInANewPage(Page page, BrowserConsole console) {
        open(page, "");
        Locator lr = page.locator(".run-card").nth(1).getByLabel("lr", EXACT);
        lr.fill("0.02");
        lr.press("Tab");
        page.waitForFunction("() => location.search.includes('run=adam:lr=0.02,')");
        Locator steps = page.getByLabel("steps", PAGE_EXACT);
        steps.fill("250");
        steps.press("Tab");
        page.waitForFunction("() => location.search.includes('steps=250')");
        String edited = query(page);
        List<String> labels = page.locator(".run-label").allTextContents();

        Page second = page.context().newPage();
        List<String> secondErrors = new ArrayList<>();
        second.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                secondErrors.add(m.text());
            }
        });
        open(second, edited);

        assertThat(query(second)).isEqualTo(edited);
        assertThat(second.locator(".run-label").allTextContents()).isEqualTo(labels).contains("Adam lr=0.02");
        assertThat(second.getByLabel("steps", PAGE_EXACT).inputValue()).isEqualTo("250");
        assertThat(console.errors()).isEmpty();
        assertThat(secondErrors).isEmpty();
    }

    @Test
    void sideBySideDrawsEveryRunInItsOwnPlotToTheEnd(Page page, BrowserConsole console) {
        JsonNode api = JsonMapper.shared().readTree(page.request().get("/api/runs?" + FOUR_RUNS).text());
        List<Integer> sizes = new ArrayList<>();
        for (JsonNode run : api.get("runs")) {
            sizes.add(run.get("points").get("x").size());
        }
        open(page, FOUR_RUNS);
        page.getByText("Side by side").click();
        page.waitForFunction("n => document.querySelectorAll('.plot-cell lr-surface-plot').length === n", sizes.size());

        page.click("#run");
        // Each small plot holds one run: its own path grows to the engine's number of points.
        page.waitForFunction("sizes => JSON.stringify([...document.querySelectorAll('.plot-cell lr-surface-plot')]"
                + ".map(p => p.pointCounts[0])) === JSON.stringify(sizes)", sizes,
                new Page.WaitForFunctionOptions().setTimeout(60_000));
        // The line charts still get every run while the paths go to the small plots.
        page.waitForFunction("n => document.querySelectorAll('lr-line-chart')[0].pointCount === n",
                sizes.stream().mapToInt(Integer::intValue).sum());
        assertThat(console.errors()).isEmpty();
    }
}
