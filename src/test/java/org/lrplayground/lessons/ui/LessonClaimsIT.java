package org.lrplayground.lessons.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.lrplayground.browser.BrowserConsole;
import org.lrplayground.browser.InBrowser;
import org.lrplayground.lessons.Lesson;
import org.lrplayground.lessons.Lessons;
import org.lrplayground.lessons.OnScreen;

/** Every lesson's claim can be seen on screen as soon as its link opens, without running it or reading code. */
@InBrowser
class LessonClaimsIT {

    static final List<Lesson> LESSONS = Lessons.ALL;

    /** The lessons whose claim is a course over the steps, with the number of lines their chart draws. */
    private static final Map<String, Integer> CHARTED = Map.of("eve", 1, "spreadsheet", 4, "infrequent-parameters", 2);

    private static void open(Page page, Lesson lesson) {
        page.navigate("/?" + lesson.link());
        page.waitForFunction("() => { const e = document.querySelector('lr-surface-plot'); return e && e._chart && e._surface; }");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("LESSONS")
    void theMeasuredNumberOfTheClaimIsBesideItsText(Lesson lesson, Page page, BrowserConsole console) {
        open(page, lesson);
        Locator measured = page.locator("#lesson-measured");
        assertThat(measured).isVisible();
        for (String number : OnScreen.KEY_NUMBERS.get(lesson.id())) {
            assertThat(measured).containsText(number);
        }
        Locator chart = page.locator("#lesson-figure lr-line-chart");
        Integer lines = CHARTED.get(lesson.id());
        if (lines == null) {
            assertThat(chart).hasCount(0);
            assertThat(page.locator("#lesson-figure")).isHidden();
        } else {
            assertThat(chart).isVisible();
            page.waitForFunction("() => document.querySelector('#lesson-figure lr-line-chart').pointCount > 0");
            assertThat(((Number) chart.evaluate("c => c._series.filter(s => s.data.length > 1).length")).intValue())
                    .as("lines drawn").isEqualTo(lines);
        }
        assertThat(console.errors()).isEmpty();
    }

    @Test
    void lesson10MarksFiveEpochsAndLabelsItsAxesAAndB(Page page, BrowserConsole console) {
        open(page, Lessons.byId("spreadsheet").orElseThrow());
        page.waitForFunction("() => document.querySelector('#lesson-figure lr-line-chart').pointCount > 0");
        @SuppressWarnings("unchecked")
        Map<String, Object> marker = (Map<String, Object>) page.locator("#lesson-figure lr-line-chart")
                .evaluate("c => c._markers[0]");
        assertThat(marker).containsEntry("label", "five epochs");
        assertThat(((Number) marker.get("x")).intValue()).isEqualTo(150);
        assertThat(axisNames(page)).containsExactly("a", "b");
        assertThat(console.errors()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void lesson12DrawsItsRatioReadablyOverTheRacesSteps(Page page, BrowserConsole console) {
        Lesson lesson = Lessons.byId("infrequent-parameters").orElseThrow();
        open(page, lesson);
        page.waitForFunction("() => document.querySelector('#lesson-figure lr-line-chart').pointCount > 0");
        String extent = "a => document.querySelector('#lesson-figure lr-line-chart')._chart.getModel()"
                + ".getComponent(a, 0).axis.scale.getExtent()";
        List<Number> x = (List<Number>) page.evaluate(extent, "xAxis");
        List<Number> y = (List<Number>) page.evaluate(extent, "yAxis");
        assertThat(x.get(1).intValue()).as("the x axis ends at the race's last step").isEqualTo(lesson.spec().steps());
        assertThat(y.get(1).doubleValue()).as("Adagrad's ≈ 2.85 fills the chart").isLessThan(10);
        assertThat(console.errors()).isEmpty();
    }

    @Test
    void lesson12LabelsItsAxesAAndBWhileAnAnalyticSurfaceKeepsXAndY(Page page, BrowserConsole console) {
        open(page, Lessons.byId("infrequent-parameters").orElseThrow());
        assertThat(axisNames(page)).containsExactly("a", "b");
        open(page, Lessons.byId("eve").orElseThrow());
        assertThat(axisNames(page)).containsExactly("x", "y");
        assertThat(console.errors()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<String> axisNames(Page page) {
        return (List<String>) page.evaluate("() => { const o = document.querySelector('lr-surface-plot')._chart.getOption();"
                + " return [o.xAxis[0].name, o.yAxis[0].name]; }");
    }
}
