package org.lrplayground.playground.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.lrplayground.browser.BrowserConsole;
import org.lrplayground.browser.InBrowser;
import org.lrplayground.browser.Races;

/** Races whose runs end before they show a step, in Chromium: the page says how, and Run again plays them again. */
@InBrowser
class RaceEndsIT {

    /** Notes any change of the results table from now on: a new race rebuilds it. */
    private static void watchResults(Page page) {
        page.evaluate("() => { window.resultsChanged = false; new MutationObserver(() => window.resultsChanged = true)"
                + ".observe(document.querySelector('.race-results'), {subtree: true, childList: true, characterData: true}); }");
    }

    /** Clicks Run again and waits until the race has been shown anew and has ended. */
    private static void runAgain(Page page) {
        assertThat(page.locator("#run")).hasText("Run again");
        watchResults(page);
        page.click("#run");
        page.waitForFunction("() => window.resultsChanged && (" + Races.ENDED + ")()");
        assertThat(page.locator("#run")).hasText("Run again");
    }

    @Test
    void aLoneRunThatDivergesAtStep2At100StepsPerSecondEndsAndRunsAgain(Page page, BrowserConsole console) {
        page.navigate("/?surface=rosenbrock&run=sgd:lr=10");
        page.waitForFunction("() => document.querySelector('.race-results .cell-status')");

        page.click("#run");
        page.waitForFunction(Races.ENDED);

        assertThat(page.locator(".race-results .cell-status")).hasText("diverged, step 2");
        assertThat(page.locator("#run")).hasText("Run again");
        assertThat(page.locator("#step")).isDisabled();
        assertThat(page.locator(".race-results-notes")).containsText("1. diverged at step 2");
        page.waitForFunction("() => document.querySelector('lr-surface-plot')._chart.getOption().series"
                + ".find(s => s.id === 'path-0').markPoint.data[0]?.symbol?.startsWith('path://')");

        runAgain(page);
        assertThat(page.locator(".race-results .cell-status")).hasText("diverged, step 2");
        assertThat(console.errors()).isEmpty();
    }

    @Test
    void aSurfaceUndefinedAtTheStartSaysSoOnTheStageAndRunsAgain(Page page, BrowserConsole console) {
        page.navigate("/?surface=custom&f=sqrt(-1-x%5E2)");
        page.waitForFunction(Races.ENDED);

        assertThat(page.locator(".race-results .cell-status").first()).hasText("diverged, step 0");
        assertThat(page.locator(".race-results-notes")).containsText(
                "1. diverged at step 0: the surface is undefined at (-2.5, 2.5). Pick another start point.");
        assertThat(page.locator("#run")).isEnabled();

        runAgain(page);
        assertThat(page.locator(".race-results-notes")).containsText("the surface is undefined at (-2.5, 2.5)");
        assertThat(console.errors()).isEmpty();
    }
}
