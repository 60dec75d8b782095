package org.lrplayground.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lrplayground.browser.BrowserConsole;
import org.lrplayground.browser.InBrowser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Text is never markup: markup put into every string a user controls (a nickname, the custom
 * formula, a link's parameters) is shown as those characters wherever it appears — tooltips,
 * labels, tables, notes — and never becomes an element or runs.
 */
@InBrowser
class MarkupIT {

    /** Runs script if it is ever parsed as markup (nicknames have at most 24 characters). */
    private static final String SCRIPT = "<img src=x onerror=z=1>";
    /** Makes an element #injected if it is ever parsed as markup. */
    private static final String ELEMENT = "<b id=injected>x</b>";

    /** What markup would have left: the element, the image, or the script's variable, anywhere, shadow roots too. */
    private static final String INJECTED = """
            () => {
              const found = [];
              const walk = (root) => root.querySelectorAll('*').forEach((e) => {
                if (e.id === 'injected' || (e.tagName === 'IMG' && e.getAttribute('src') === 'x')) found.push(e.outerHTML);
                if (e.shadowRoot) walk(e.shadowRoot);
              });
              walk(document);
              if (window.z !== undefined) found.push('z = ' + window.z);
              return found;
            }""";

    /**
     * Page coordinates of a point of path k of the plot that no other path or minimum comes near (hovering it
     * names run k), or null when it has none drawn.
     */
    private static final String LONELY_POINT = """
            ([selector, k]) => {
              const e = document.querySelector(selector);
              const r = e.getBoundingClientRect();
              const px = (p) => e._chart.convertToPixel({gridIndex: 0}, [p[0], p[1]]);
              const inside = (q) => e._chart.containPixel({gridIndex: 0}, q);
              // Other paths' points and the minima's stars, which have tooltips of their own.
              const others = [...e._runs.flatMap((run, j) => j === k ? [] : run.data.map(px)), ...e._surface.minima.map(px)];
              let best = null, room = -1;
              for (const q of e._runs[k].data.map(px).filter(inside)) {
                const near = Math.min(Infinity, ...others.map((o) => Math.hypot(o[0] - q[0], o[1] - q[1])));
                if (near > room) { room = near; best = [r.left + q[0], r.top + q[1]]; }
              }
              return best;
            }""";

    /** The text of the chart's tooltip while one is shown (ECharts hides it with visibility, which innerText skips), else null. */
    private static final String TOOLTIP = """
            s => [...document.querySelector(s).querySelectorAll('div')]
                .find((d) => d.style.position === 'absolute' && d.innerText.includes('step '))?.innerText ?? null""";

    private static void assertNothingInjected(Page page) {
        assertThat((List<?>) page.evaluate(INJECTED)).as("markup from user text on %s", page.url()).isEmpty();
    }

    /** Hovers a point of run k's path on the plot, alone there, and returns its tooltip. */
    private static String hoverPath(Page page, String plot, int k) {
        page.mouse().move(0, 0);
        page.waitForFunction("s => (" + TOOLTIP + ")(s) === null", plot);
        page.waitForFunction("([s, k]) => document.querySelector(s)?._runs[k]?.data.length > 1", List.of(plot, k));
        // The mouse reaches only what is in the viewport: the board's plot sits below its grids.
        page.locator(plot).scrollIntoViewIfNeeded();
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) page.evaluate(LONELY_POINT, List.of(plot, k));
        page.mouse().move(at.get(0).doubleValue(), at.get(1).doubleValue());
        page.waitForFunction(TOOLTIP, plot);
        return (String) page.evaluate(TOOLTIP, plot);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void nicknamesStayTextOnTheBoardAndOnStudentsPages(Page board, BrowserConsole console) {
        JsonMapper json = new JsonMapper();
        APIResponse created = board.request().post("/api/classes", RequestOptions.create().setForm(FormData.create()
                .set("scene", "surface=booth&steps=60&run=sgd:lr=0.05").set("challenge", "lowest")));
        assertThat(created.status()).isEqualTo(201);
        JsonNode klass = json.readTree(created.text());
        String code = klass.get("code").asString();

        // The student with the element's name joins by API; the other on their phone's page.
        APIResponse joined = board.request().post("/api/classes/" + code + "/students",
                RequestOptions.create().setForm(FormData.create().set("name", ELEMENT)));
        assertThat(joined.status()).as(joined.text()).isEqualTo(201);
        String token = json.readTree(joined.text()).get("token").asString();
        APIResponse handedIn = board.request().post("/api/classes/" + code + "/handins", RequestOptions.create()
                .setHeader("Authorization", "Bearer " + token).setForm(FormData.create().set("run", "sgd:lr=0.01")));
        assertThat(handedIn.status()).as(handedIn.text()).isEqualTo(201);

        Browser browser = board.context().browser();
        try (BrowserContext phone = browser.newContext()) {
            Page student = phone.newPage();
            BrowserConsole studentConsole = new BrowserConsole(student);
            student.navigate(klass.get("joinUrl").asString());
            student.locator("#nickname input").fill(SCRIPT);
            student.click("#join");
            assertThat(student.locator(".class-you")).containsText("you are " + SCRIPT);
            student.click("#hand-in");
            assertThat(student.locator("#class-place")).containsText("Handed in");

            board.setViewportSize(1400, 900);
            board.navigate("/board/" + code + "#key=" + klass.get("teacherKey").asString());
            board.waitForFunction("names => names.every(n => [...document.querySelectorAll('#leaderboard vaadin-grid-cell-content')]"
                    + ".some(c => c.innerText === n))", List.of(ELEMENT, SCRIPT));
            // The board's plot names each path "nickname · run" in its tooltip.
            board.waitForFunction("() => document.querySelector('.board-plot')._runs.length === 2");
            for (String name : List.of(ELEMENT, SCRIPT)) {
                int k = ((Number) board.evaluate("n => document.querySelector('.board-plot')._runs.findIndex(r => r.name.startsWith(n))",
                        name)).intValue();
                String tip = hoverPath(board, ".board-plot", k);
                assertNothingInjected(board);
                assertThat(tip).startsWith(name + " · SGD lr=0.0");
            }

            // The spotlight names its student on every student's page.
            board.locator("#leaderboard vaadin-grid-cell-content").getByText(ELEMENT).click();
            board.getByText("Spotlight", new Page.GetByTextOptions().setExact(true)).click();
            assertThat(student.locator("#class-spotlight")).containsText("On everyone's screen: " + ELEMENT + "'s hand-in");
            board.waitForFunction("t => document.body.innerText.includes(t)", "spotlight on " + ELEMENT);
            student.click("#show-spotlight");
            student.waitForFunction("() => document.querySelector('.race-results')?.innerText.includes('lr=0.01')");
            assertNothingInjected(student);
            assertNothingInjected(board);
            assertThat(studentConsole.errors()).isEmpty();
        }
        assertThat(console.errors()).isEmpty();
    }

    @Test
    void linkParametersStayTextInTheNotesAndTheChartsTooltipsAreText(Page page, BrowserConsole console) {
        page.setViewportSize(1400, 900);
        page.navigate("/?surface=custom&f=" + encode(ELEMENT) + "&lesson=" + encode(SCRIPT) + "&" + encode(ELEMENT) + "=1"
                + "&speed=" + encode(SCRIPT) + "&steps=80&run=adam:lr=0.05&run=sgd:lr=0.01");
        String notes = page.locator("vaadin-notification-card").innerText();
        assertThat(notes).contains("ignored " + ELEMENT + ": unknown parameter '" + ELEMENT + "'",
                "ignored speed: '" + SCRIPT + "' is not a name", "ignored lesson: '" + SCRIPT + "' is not a name");
        assertNothingInjected(page);

        page.click("#run");
        page.waitForFunction("() => document.querySelector('lr-line-chart').pointCount > 40");
        String name = (String) page.evaluate("() => document.querySelector('lr-surface-plot')._runs[1].name");
        assertThat(hoverPath(page, "lr-surface-plot", 1)).startsWith(name + "\nstep ");
        String first = (String) page.evaluate("() => document.querySelector('lr-surface-plot')._runs[0].name");

        // The loss chart's tooltip lists the runs at the hovered step.
        page.locator("lr-line-chart").first().hover();
        page.waitForFunction(TOOLTIP, "lr-line-chart");
        assertThat((String) page.evaluate(TOOLTIP, "lr-line-chart")).matches("(?s)step \\d+\n.*" + Pattern.quote(first) + ": .*");
        page.locator(".race-legend-item").first().hover();
        page.locator(".race-results [data-run]").first().hover();
        assertNothingInjected(page);
        assertThat(console.errors()).isEmpty();
    }
}
