package org.lrplayground;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lrplayground.browser.InBrowser;
import org.lrplayground.browser.Races;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.lessons.Lesson;
import org.lrplayground.lessons.Lessons;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.lrplayground.link.PageLink;

/**
 * axe-core audits every page as a visitor finds it, in the light and the dark theme: no serious or
 * critical violation, one main landmark, all content in landmarks and no skipped heading level.
 * Lesser findings are printed, for a person to judge.
 */
@InBrowser
class AccessibilityIT {

    /** Its last run diverges: the error colours of its status and note are audited too. */
    private static final String RACE = "surface=rosenbrock&start=-1.5,2&steps=300&run=sgd:lr=0.001&run=adam:lr=0.05"
            + "&run=sgd:lr=1&speed=instant&play=1";
    /** Moderate rules that we hold to all the same: they are what a screen reader user navigates by. */
    private static final List<String> STRUCTURE = List.of("landmark-one-main", "region", "heading-order");
    private static final List<String> BLOCKING = List.of("serious", "critical");

    /** A viewport: the desktop, or a phone held upright. */
    private record Viewport(int width, int height) {
    }

    private static final Viewport DESKTOP = new Viewport(1280, 900);
    private static final Viewport PHONE = new Viewport(390, 844);

    /** Run once in the light and once in the dark theme, as the system's colour scheme chooses it. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ColorScheme.class, names = {"LIGHT", "DARK"})
    private @interface InBothThemes {
    }

    @LocalServerPort
    private int port;

    @InBothThemes
    void thePlaygroundAfterARace(ColorScheme scheme, Page any) {
        audit(any, scheme, DESKTOP, "playground", page -> {
            race(page, RACE);
            // A hidden run's legend button, faded, must stay readable.
            page.locator(".race-legend-item").nth(1).click();
            page.waitForSelector(".race-legend-item[aria-pressed=false]");
        });
    }

    @InBothThemes
    void thePlaygroundSideBySide(ColorScheme scheme, Page any) {
        audit(any, scheme, DESKTOP, "playground side by side", page -> race(page, RACE + "&side=1"));
    }

    @InBothThemes
    void thePlaygroundIn3d(ColorScheme scheme, Page any) {
        audit(any, scheme, PHONE, "playground in 3-D", page -> {
            race(page, RACE + "&view=3d-log");
            page.waitForFunction("() => document.querySelector('lr-surface-plot').view3d?.renders > 0");
        });
    }

    @InBothThemes
    void thePlaygroundOnAPhone(ColorScheme scheme, Page any) {
        audit(any, scheme, PHONE, "playground on a phone", page -> race(page, RACE));
    }

    @InBothThemes
    void aLessonAfterItsRace(ColorScheme scheme, Page any) {
        Lesson lesson = Lessons.ALL.get(2);
        String link = PageLink.format(lesson.spec(), lesson.options().withSpeed("instant").withPlay(true));
        audit(any, scheme, DESKTOP, "lesson " + lesson.id(), page -> {
            race(page, link);
            page.waitForSelector(".lesson-panel h2");
        });
    }

    @InBothThemes
    void theLessonsPage(ColorScheme scheme, Page any) {
        audit(any, scheme, DESKTOP, "lessons page", page -> {
            page.navigate("/lessons");
            page.waitForSelector(".lesson-card");
        });
    }

    @InBothThemes
    void theShareDialog(ColorScheme scheme, Page any) {
        audit(any, scheme, DESKTOP, "share dialog", page -> {
            race(page, RACE);
            page.click("#share");
            page.waitForSelector("vaadin-dialog-overlay[opened]");
            page.waitForFunction("() => document.querySelector('#share-link')?.value.startsWith('http')");
        });
    }

    @InBothThemes
    void theExplainDialogOnAPhone(ColorScheme scheme, Page any) {
        audit(any, scheme, PHONE, "explain dialog on a phone", page -> {
            race(page, RACE);
            page.click("#explain");
            page.waitForSelector(".explain-row[symbol='θₜ']");
        });
    }

    /**
     * Audits a page in a browser context of its own for the colour scheme and viewport (the injected
     * page's context has neither), once {@code arrange} has brought it to the state to audit.
     */
    private void audit(Page any, ColorScheme scheme, Viewport viewport, String what, Consumer<Page> arrange) {
        try (BrowserContext context = any.context().browser().newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setColorScheme(scheme)
                .setViewportSize(viewport.width(), viewport.height()))) {
            Page page = context.newPage();
            arrange.accept(page);
            // The layout turns the dark theme on a moment after the page shows: audit the colours a visitor sees.
            if (scheme == ColorScheme.DARK) {
                page.waitForFunction("() => document.documentElement.getAttribute('theme') === 'dark'");
            }
            audit(page, what + ", " + scheme);
        }
    }

    /** Opens the playground on a race that starts by itself and waits until every run has ended. */
    private static void race(Page page, String query) {
        page.navigate("/?" + query);
        page.waitForFunction(Races.ENDED, null, new Page.WaitForFunctionOptions().setTimeout(60_000));
    }

    private static void audit(Page page, String where) {
        // Vaadin puts its connection indicator (a hidden "Online" status and the loading bar) straight
        // into <body>, outside any landmark of ours: the region rule would always flag it.
        AxeResults results = new AxeBuilder(page).exclude("vaadin-connection-indicator").analyze();
        List<Rule> violations = results.getViolations();
        Map<String, Integer> counts = new TreeMap<>();
        violations.forEach(r -> counts.merge(String.valueOf(r.getImpact()), r.getNodes().size(), Integer::sum));
        System.out.println("axe " + where + ": " + (counts.isEmpty() ? "no violations" : counts + " (nodes per impact)"));
        violations.stream().filter(r -> !BLOCKING.contains(r.getImpact()))
                .forEach(r -> System.out.println("  " + describe(r)));

        results.getIncomplete().forEach(r -> System.out.println("  needs review: " + describe(r)));
        List<String> failing = violations.stream()
                .filter(r -> BLOCKING.contains(r.getImpact()) || STRUCTURE.contains(r.getId()))
                .map(AccessibilityIT::describe).toList();
        assertThat(failing).as("axe on the " + where).isEmpty();
        assertThat(page.locator("main, [role=main]").count()).as("main landmarks on the " + where).isEqualTo(1);
        assertThat(results.getPasses().stream().map(Rule::getId).toList()).as("structure rules passed on the " + where)
                .containsAll(STRUCTURE);
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", "));
    }
}
