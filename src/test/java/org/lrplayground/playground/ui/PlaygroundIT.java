package org.lrplayground.playground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.run.Race;
import org.lrplayground.engine.run.RunSpec;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The playground in a real browser: the race is drawn, the start can be clicked, links restore scenes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlaygroundIT {

    private static final String THREE_RUNS = "surface=rosenbrock&start=-1.5,2&steps=300"
            + "&run=sgd:lr=0.001&run=adam:lr=0.05&run=sgd:lr=1";

    private static final Locator.GetByLabelOptions EXACT = new Locator.GetByLabelOptions().setExact(true);
    private static final Page.GetByLabelOptions PAGE_EXACT = new Page.GetByLabelOptions().setExact(true);
    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;

    private BrowserContext context;
    private Page page;
    private final List<String> consoleErrors = new ArrayList<>();

    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = c -> {
        if (c.getExecutionException().isPresent() && page != null) {
            Path dir = Paths.get("target", "playwright");
            Files.createDirectories(dir);
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(dir.resolve(c.getRequiredTestMethod().getName() + ".png")));
        }
    };

    @BeforeAll
    static void launch() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(System.getProperty("chromium", "/usr/bin/chromium")))
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void shutDown() {
        browser.close();
        playwright.close();
    }

    @BeforeEach
    void openContext() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000));
        page = newPage();
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    private Page newPage() {
        Page p = context.newPage();
        p.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                consoleErrors.add(m.text());
            }
        });
        p.onPageError(e -> consoleErrors.add(e));
        return p;
    }

    /** Opens the playground and waits until the surface is drawn. */
    private void open(Page p, String query) {
        p.navigate("http://localhost:" + port + "/" + (query.isEmpty() ? "" : "?" + query));
        p.waitForFunction("() => { const e = document.querySelector('lr-surface-plot');"
                + " return e && e._chart && e._surface && e.startPoint; }");
    }

    private String query(Page p) {
        String url = p.url();
        return url.substring(url.indexOf('?') + 1);
    }

    @Test
    void threeRunsRaceUntilEveryPathIsDrawnAndEndAsTheEngineSays() {
        open(page, THREE_RUNS);
        Race expected = Race.run(RunFormat.parse(THREE_RUNS));
        List<Integer> sizes = List.of(expected.trajectory(0).size(), expected.trajectory(1).size(),
                expected.trajectory(2).size());

        page.click("#run");
        page.waitForFunction("sizes => JSON.stringify(document.querySelector('lr-surface-plot').pointCounts)"
                + " === JSON.stringify(sizes)", sizes, new Page.WaitForFunctionOptions().setTimeout(30_000));
        page.waitForFunction("() => [...document.querySelectorAll('.run-status')].every(s => s.getAttribute('kind') !== 'running')");

        List<String> statuses = page.locator(".run-status").allTextContents();
        for (int r = 0; r < 3; r++) {
            assertThat(statuses.get(r)).startsWith(expected.status(r).reason());
        }
        assertThat(statuses.get(2)).startsWith("diverged at step");
        // The effective-lr chart has a solid x and a dashed y series per run, without the t = 0 point.
        Object lrPoints = page.evaluate("() => document.querySelectorAll('lr-line-chart')[1].seriesData('lrx-1').length");
        assertThat(((Number) lrPoints).intValue()).isEqualTo(sizes.get(1) - 1);
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void clickingThePlotWhileStoppedMovesTheStartPoint() {
        open(page, THREE_RUNS);

        Locator plot = page.locator("lr-surface-plot");
        @SuppressWarnings("unchecked")
        List<Number> pixel = (List<Number>) page.evaluate(
                "() => document.querySelector('lr-surface-plot')._chart.convertToPixel({gridIndex: 0}, [0.5, 0.25])");
        var box = plot.boundingBox();
        page.mouse().click(box.x + pixel.get(0).doubleValue(), box.y + pixel.get(1).doubleValue());
        page.waitForFunction("() => !location.search.includes('start=-1.5,2')");

        RunSpec spec = RunFormat.parse(java.net.URLDecoder.decode(query(page), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(spec.start().x()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.02));
        assertThat(spec.start().y()).isCloseTo(0.25, org.assertj.core.data.Offset.offset(0.02));
        @SuppressWarnings("unchecked")
        List<Number> marker = (List<Number>) page.evaluate("() => document.querySelector('lr-surface-plot').startPoint");
        assertThat(marker.get(0).doubleValue()).isEqualTo(spec.start().x());

        page.keyboard().press("ArrowRight");
        page.waitForFunction("() => document.querySelector('.run-status').textContent.startsWith('step 1 ')");
        page.keyboard().press("Space");
        page.waitForFunction("() => document.querySelector('lr-surface-plot').pointCount > 10");
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void theAddressAfterEditsRestoresTheSameSceneInANewPage() {
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

        Page second = newPage();
        open(second, edited);

        assertThat(query(second)).isEqualTo(edited);
        assertThat(second.locator(".run-label").allTextContents()).isEqualTo(labels).contains("Adam lr=0.02");
        assertThat(second.getByLabel("steps", PAGE_EXACT).inputValue()).isEqualTo("250");
        assertThat(consoleErrors).isEmpty();
    }
}
