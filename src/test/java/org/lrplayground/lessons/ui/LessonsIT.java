package org.lrplayground.lessons.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lrplayground.browser.BrowserConsole;
import org.lrplayground.browser.InBrowser;
import org.lrplayground.browser.Races;
import org.lrplayground.lessons.Lessons;

/** The course in a real browser: a card opens its lesson beside the playground, and the lesson's claim shows on Run. */
@InBrowser
class LessonsIT {

    private static void openCourse(Page page) {
        page.navigate("/lessons");
        page.waitForSelector(".lesson-card");
    }

    private static Locator link(Page page, String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** Waits until the playground has drawn its surface. */
    private static void awaitPlayground(Page page) {
        page.waitForFunction("() => { const e = document.querySelector('lr-surface-plot');"
                + " return e && e._chart && e._surface; }");
    }

    @Test
    void aCardOpensItsLessonWhichRunsAndShowsItsExplanationAndCharts(Page page, BrowserConsole console) {
        openCourse(page);
        assertThat(page.locator(".lesson-card").count()).isEqualTo(Lessons.ALL.size());

        link(page, "Open lesson 3").click();
        page.waitForURL("**/?*lesson=adagrad-shrinks");
        awaitPlayground(page);
        assertThat(page.url()).as("the lesson's own speed: 3,000 steps in 3 s").contains("&speed=1000&");
        page.click("#run");
        page.waitForFunction(Races.ENDED,
                null, new Page.WaitForFunctionOptions().setTimeout(60_000));

        assertThat(page.locator(".lesson-panel h2").textContent()).isEqualTo("Adagrad's rate only shrinks");
        assertThat(page.locator(".lesson-text").isVisible()).isTrue();
        assertThat(page.locator(".lesson-text strong").first().textContent()).isEqualTo("all");
        assertThat(page.locator(".lesson-text").textContent()).contains("Adagrad divides lr by the root of the sum");
        // The claim on the rate chart: Adagrad's rate never rises, RMSProp's climbs back from its lowest.
        String rises = "id => { const d = document.querySelectorAll('lr-line-chart')[1].seriesData(id).map(p => p[1]);"
                + " let up = 0; for (let i = 1; i < d.length; i++) up = Math.max(up, d[i] / d[i - 1]);"
                + " return [d.length, up, d[d.length - 1] / Math.min(...d)]; }";
        @SuppressWarnings("unchecked")
        List<Number> adagrad = (List<Number>) page.evaluate(rises, "lrx-0");
        @SuppressWarnings("unchecked")
        List<Number> rmsprop = (List<Number>) page.evaluate(rises, "lrx-1");
        assertThat(adagrad.get(0).intValue()).as("points drawn (the chart thins long runs)").isGreaterThan(1000);
        assertThat(adagrad.get(1).doubleValue()).as("largest step-to-step ratio").isLessThanOrEqualTo(1);
        assertThat(rmsprop.get(2).doubleValue()).as("end over lowest").isGreaterThan(2);
        assertThat(console.errors()).isEmpty();
    }

    @Test
    void theNextLessonsLinkAndTheCloseButtonRewriteTheAddress(Page page, BrowserConsole console) {
        openCourse(page);
        link(page, "Open lesson 1").click();
        awaitPlayground(page);

        page.locator(".lesson-pager .next").click();
        page.waitForURL("**/?*lesson=momentum");
        page.waitForFunction("() => document.querySelector('.lesson-panel h2')?.textContent.startsWith('Momentum')");
        awaitPlayground(page);
        assertThat(page.locator(".run-label").allTextContents()).hasSize(3);

        page.click("#lesson-close");
        page.waitForFunction("() => !location.search.includes('lesson=')");
        assertThat(page.locator(".lesson-panel").isVisible()).isFalse();
        assertThat(page.url()).contains("surface=ravine");

        link(page, "Lessons").click();
        page.waitForURL("**/lessons");
        page.waitForSelector(".lesson-card");
        assertThat(page.locator(".lesson-card").count()).isEqualTo(Lessons.ALL.size());
        assertThat(console.errors()).isEmpty();
    }

    @Test
    void aThemeChosenByHandStaysWhileMovingBetweenThePlaygroundAndTheCourse(Page page, BrowserConsole console) {
        page.navigate("/");
        awaitPlayground(page);
        page.click("vaadin-button[aria-label='Dark theme']");

        link(page, "Lessons").click();
        page.waitForSelector(".lesson-card");
        assertThat(page.locator("html").getAttribute("theme")).isEqualTo("dark");
        link(page, "Open lesson 1").click();
        awaitPlayground(page);

        assertThat(page.locator("html").getAttribute("theme")).isEqualTo("dark");
        // Awaited: the theme button knows dark is on only once the page has told the new view.
        assertThat(page.locator("vaadin-button[aria-label='Light theme']")).isVisible();
        page.click("vaadin-button[aria-label='Light theme']");
        link(page, "Lessons").click();
        page.waitForSelector(".lesson-card");
        assertThat(page.locator("html").getAttribute("theme")).isNotEqualTo("dark");
        assertThat(console.errors()).isEmpty();
    }
}
