package org.lrplayground.classroom.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lrplayground.browser.BrowserConsole;
import org.lrplayground.browser.InBrowser;
import org.lrplayground.share.QrReader;

/**
 * A teacher hosts a class from a lesson and three students join on their phones through the QR
 * code's link: their hand-ins reach the board live, and the teacher's controls reach their screens.
 */
@InBrowser
class ClassroomIT {

    private static final String[] NAMES = {"Ana", "Ben", "Chen"};
    /** Each student's rate for the lesson's first run: too small, about right, too large. */
    private static final String[] RATES = {"0.005", "0.03", "0.06"};

    /** The leaderboard's cells as text. */
    private static String leaderboard(Page board) {
        return String.join(" ", board.locator("#leaderboard vaadin-grid-cell-content").allInnerTexts());
    }

    private static Locator lr(Page student) {
        return student.locator(".run-card").first().getByLabel("lr", new Locator.GetByLabelOptions().setExact(true));
    }

    @Test
    void studentsHandInFromTheirPhonesAndTheTeachersBoardAndControlsFollowLive(Page board, BrowserConsole console)
            throws Exception {
        board.setViewportSize(1400, 900);
        board.navigate("/lessons");
        board.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open lesson 1").setExact(true)).click();
        board.waitForFunction("() => document.querySelector('#host-class')?.getAttribute('href')?.includes('ravine')");
        board.click("#host-class");
        board.waitForURL("**/host?*");
        assertThat(board.locator("#host-scene textarea")).hasValue(java.util.regex.Pattern.compile(".*surface=ravine.*"));
        board.click("#make-class");
        board.waitForURL("**/board/*");
        assertThat(board.locator("#board-counts")).hasText("0 joined · 0 handed in");
        assertThat(board.url()).as("the key leaves the address bar, which a projector shows").doesNotContain("key=");
        assertThat(board.locator("#teacher-link input")).hasValue(java.util.regex.Pattern.compile(".*/board/[A-Z2-9]{6}#key=.+"));
        board.waitForFunction("() => { const q = document.querySelector('.board-qr'); return q && q.complete && q.naturalWidth > 0; }");
        String qrSource = (String) board.evaluate("() => document.querySelector('.board-qr').src");
        String join = QrReader.read(board.request().get(qrSource).body());
        assertThat(join).isEqualTo(board.locator("#join-link").textContent()).matches("http://.*/join/[A-Z2-9]{6}");

        Browser browser = board.context().browser();
        List<BrowserContext> phones = new ArrayList<>();
        List<Page> students = new ArrayList<>();
        List<BrowserConsole> consoles = new ArrayList<>();
        long lastHandIn = 0;
        try {
            for (int i = 0; i < NAMES.length; i++) {
                BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                        .setIsMobile(true).setHasTouch(true));
                phones.add(phone);
                Page student = phone.newPage();
                students.add(student);
                consoles.add(new BrowserConsole(student));
                student.navigate(join);
                student.locator("#nickname input").fill(NAMES[i]);
                student.click("#join");
                assertThat(student.locator(".class-you")).containsText("you are " + NAMES[i]);
                lr(student).fill(RATES[i]);
                lr(student).press("Tab");
                student.waitForFunction("r => document.querySelector('.race-results')?.innerText.includes('lr=' + r)", RATES[i]);
                lastHandIn = System.nanoTime();
                student.click("#hand-in");
                assertThat(student.locator("#class-place")).containsText("Handed in: place");
            }
            assertThat(board.locator("#board-counts")).hasText("3 joined · 3 handed in");
            System.out.println("ClassroomIT: the last hand-in reached the board " + (System.nanoTime() - lastHandIn) / 1_000_000 + " ms after its click");
            // Three students' three runs each: on the plot, in the aggregate, and on the leaderboard.
            board.waitForFunction("() => { const p = document.querySelector('.board-plot');"
                    + " return p._runs.length === 9 && new Set(p._runs.map(r => r.run)).size === 3 && p.pointCounts.every(n => n > 1); }");
            board.waitForFunction("() => document.querySelector('.board-aggregate').pointCount === 9");
            board.waitForFunction("names => names.every(n => [...document.querySelectorAll('#leaderboard vaadin-grid-cell-content')]"
                    + ".some(c => c.innerText === n))", List.of(NAMES));
            // The room's lr-sensitivity: a dot at each student's rate (and at the lesson's rates they kept).
            Object rates = board.evaluate("() => [...new Set(document.querySelector('.board-aggregate').seriesData('agg-sgd').map(p => p[0]))].sort()");
            assertThat((List<?>) rates).map(r -> ((Number) r).doubleValue()).contains(0.005, 0.03, 0.06, 0.0392, 0.045);

            // A reload, or a lost connection, comes back as the same student.
            students.get(0).reload();
            assertThat(students.get(0).locator(".class-you")).containsText("you are Ana");
            assertThat((String) students.get(0).evaluate("() => document.cookie")).as("the token's cookie is HttpOnly")
                    .doesNotContain("lrp-student-");

            board.getByText("Hide names").click();
            board.waitForFunction("() => [...document.querySelectorAll('#leaderboard vaadin-grid-cell-content')].some(c => c.innerText === 'Student 1')");
            assertThat(leaderboard(board)).doesNotContain("Ana", "Ben", "Chen");
            assertThat(board.locator(".board-teacher")).isHidden(); // a projected board shows no teacher link

            board.locator("#leaderboard vaadin-grid-cell-content").getByText("Student 2", new Locator.GetByTextOptions().setExact(true)).click();
            board.getByText("Spotlight", new Page.GetByTextOptions().setExact(true)).click();
            for (Page student : students) {
                assertThat(student.locator("#class-spotlight")).containsText("On everyone's screen: a hand-in");
            }
            students.get(2).click("#show-spotlight");
            students.get(2).waitForFunction("() => document.querySelector('.race-results')?.innerText.includes('lr=0.03')");
            students.get(2).click("#back-to-mine");
            students.get(2).waitForFunction("() => document.querySelector('.race-results')?.innerText.includes('lr=0.06')");

            board.getByText("Send a scene…").click();
            board.locator("#send-scene-text textarea").fill("surface=ravine&kappa=50&steps=200&run=adam:lr=0.1");
            board.click("#send-scene");
            for (Page student : students) {
                assertThat(student.locator("#class-notices")).containsText("The teacher sent a new scene.");
                student.waitForFunction("() => document.querySelector('.race-results')?.innerText.includes('Adam lr=0.1')");
            }
            students.get(1).click("#back-to-mine");
            students.get(1).waitForFunction("() => document.querySelector('.race-results')?.innerText.includes('lr=0.03')");
            // Its runs are on the old scene: refused, and they stay.
            students.get(1).click("#hand-in");
            assertThat(students.get(1).locator("#class-place")).containsText("Not handed in: these runs are on the old scene");
            assertThat(students.get(1).locator(".race-results")).containsText("lr=0.03");
            // Hand-ins on the old scene no longer count.
            assertThat(board.locator("#board-counts")).hasText("3 joined · 0 handed in");

            board.getByText("Lock editing").click();
            for (Page student : students) {
                assertThat(student.locator("#class-notices")).containsText("locked editing");
                assertThat(lr(student)).isDisabled();
            }
            board.getByText("Unlock editing").click();
            assertThat(lr(students.get(0))).isEnabled();

            board.getByText("Pause hand-ins").click();
            assertThat(students.get(0).locator("#hand-in")).isDisabled();
            assertThat(students.get(0).locator("#class-notices")).containsText("Hand-ins are paused.");
            // Every notice at once (a refused hand-in, a new scene, locked, unlocked, paused) leaves
            // the plot in view on the phone: the notices scroll in a box of bounded height.
            Page crowded = students.get(1);
            assertThat(crowded.locator("#class-notices")).containsText("Hand-ins are paused.");
            double plotTop = ((Number) crowded.evaluate("() => { window.scrollTo(0, 0);"
                    + " return document.querySelector('lr-surface-plot').getBoundingClientRect().top; }")).doubleValue();
            crowded.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/class-student-notices-390x844.png")));
            assertThat(plotTop).as("the plot's top on a 390 × 844 phone with every notice").isLessThan(844 - 200);
            for (BrowserConsole phone : consoles) {
                assertThat(phone.errors()).isEmpty();
            }
        } finally {
            for (BrowserContext phone : phones) {
                phone.close();
            }
        }
        assertThat(console.errors()).isEmpty();
    }
}
