package org.lrplayground.playground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lrplayground.browser.BrowserConsole;
import org.lrplayground.browser.InBrowser;

/** The basins dialog in a real browser: the map is drawn, the four minima's shares listed, a clicked cell becomes a run. */
@InBrowser
class BasinsIT {

    static final String SCENE = "surface=himmelblau&start=1,1&steps=500&run=sgd:lr=0.01";
    private static final Pattern SHARE = Pattern.compile("\\(.+, .+\\): (\\d+\\.\\d) % of the box");

    /** Opens the first run's basins and waits until its map is drawn. */
    static Locator openBasins(Page page) {
        page.navigate("/?" + SCENE);
        page.waitForFunction("() => document.querySelector('lr-surface-plot')?._chart");
        page.locator(".run-card").first().getByLabel("Basins").click();
        page.waitForFunction("() => document.querySelector('lr-basins')?.drawn()");
        // The dialog grows into place as it opens (a scale animation): a position measured before it
        // ends misses the cell. Under load the animation can stand still for frames, so this waits
        // for it, and for any other finite animation, to finish.
        page.waitForFunction("() => document.getAnimations().every(a => a.playState !== 'running'"
                + " || a.effect?.getComputedTiming().endTime === Infinity)");
        return page.locator("lr-basins canvas");
    }

    @Test
    void himmelblausFourMinimaShareTheBoxAndAClickedCellIsAddedAsARunFromItsStart(Page page, BrowserConsole console) {
        Locator map = openBasins(page);

        List<String> shares = page.locator(".lr-basins-share").allTextContents();
        assertThat(shares).hasSize(5);
        double sum = 0;
        for (String share : shares.subList(0, 4)) {
            Matcher m = SHARE.matcher(share);
            assertThat(m.matches()).as(share).isTrue();
            sum += Double.parseDouble(m.group(1));
        }
        assertThat(sum).isGreaterThan(50).isLessThanOrEqualTo(100.05); // each share is rounded to a tenth
        // Best of N under the map: 1 to 20 random starts (typically and 9 times in 10) and warm-restart cycles.
        page.waitForFunction("() => ['random-starts', 'random-starts-90', 'warm-restarts'].every(id =>"
                + " document.querySelector('.lr-restarts-chart')?.seriesData(id).length === 20)");
        assertThat(page.locator(".lr-restarts p").last().textContent()).startsWith("A global minimum is reached by 1 start ");

        // A cell in the lower left quarter: its tooltip names its start, and a click adds the run from there.
        // The position is measured again once the tooltip shows, which may move the dialog's content.
        BoundingBox box = map.boundingBox();
        page.mouse().move(box.x + 0.255 * box.width, box.y + 0.745 * box.height);
        Locator tip = page.locator("lr-basins .lr-basins-tip");
        tip.waitFor();
        box = map.boundingBox();
        page.mouse().move(box.x + 0.255 * box.width, box.y + 0.745 * box.height);
        Matcher start = Pattern.compile("start \\((-?[0-9.]+), (-?[0-9.]+)\\)").matcher(tip.textContent());
        assertThat(start.find()).as(tip.textContent()).isTrue();
        String x0 = start.group(1), y0 = start.group(2);
        assertThat(Double.parseDouble(x0)).isBetween(-5.0, 0.0);
        assertThat(Double.parseDouble(y0)).isBetween(-5.0, 0.0);
        page.mouse().down();
        page.mouse().up();
        page.waitForFunction("() => !document.querySelector('.lr-basins')");
        Locator added = page.locator(".run-card").nth(1).locator(".run-label");
        added.waitFor();
        assertThat(added.textContent()).startsWith("SGD lr=0.01").endsWith("from (" + x0 + ", " + y0 + ")");
        page.waitForFunction("s => new URLSearchParams(location.search).getAll('run')[1]?.includes(s)",
                "x0=" + x0 + ",y0=" + y0);
        assertThat(console.errors()).isEmpty();
    }

    @Test
    void theKeyboardWalksTheMapAndEnterAddsTheMarkedStart(Page page, BrowserConsole console) {
        openBasins(page);
        Locator map = page.locator("lr-basins");
        map.focus();

        // 100 × 100 cells: the first arrow marks the centre cell (50, 50), the next ones walk from it.
        map.press("ArrowLeft");
        map.press("Shift+ArrowDown");
        map.press("ArrowRight");
        assertThat(map.evaluate("m => m.marked")).isEqualTo(40 * 100 + 51);
        assertThat(page.locator(".race-results .cell-status").allTextContents()).as("the race behind did not step")
                .containsOnly("ready");
        Locator tip = page.locator("lr-basins .lr-basins-tip");
        assertThat(tip.textContent()).startsWith("start (0.15, -0.95): ");
        map.press("Enter");

        page.waitForFunction("() => !document.querySelector('.lr-basins')");
        assertThat(page.locator(".run-card").nth(1).locator(".run-label").textContent()).endsWith("from (0.15, -0.95)");
        assertThat(console.errors()).isEmpty();
    }

    @Test
    void aTapShowsWhereAStartLeadsAndASecondTapAddsIt(Page page) {
        page.navigate("/");
        String home = page.url();
        try (BrowserContext phone = page.context().browser().newContext(new Browser.NewContextOptions()
                .setBaseURL(home).setViewportSize(390, 844).setIsMobile(true).setHasTouch(true))) {
            Page tablet = phone.newPage();
            Locator map = openBasins(tablet);
            BoundingBox box = map.boundingBox();

            tablet.touchscreen().tap(box.x + 0.255 * box.width, box.y + 0.745 * box.height);
            Locator tip = tablet.locator("lr-basins .lr-basins-tip");
            tip.waitFor();
            assertThat(tip.textContent()).startsWith("start (");
            assertThat(tablet.locator(".lr-basins").count()).as("one tap only shows").isEqualTo(1);
            // The second tap goes to the centre of the marked cell as the map lies now (it may still have
            // been settling into the opened dialog at the first).
            int marked = (Integer) map.evaluate("c => c.parentElement.marked");
            box = map.boundingBox();
            tablet.touchscreen().tap(box.x + (marked % 100 + 0.5) / 100 * box.width,
                    box.y + (100 - marked / 100 - 0.5) / 100 * box.height);

            tablet.waitForFunction("() => !document.querySelector('.lr-basins')");
            tablet.locator(".run-card").nth(1).waitFor();
        }
    }
}
