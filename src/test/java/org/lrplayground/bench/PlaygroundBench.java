package org.lrplayground.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The playground's performance targets, measured with the application in this JVM (production
 * mode, random port) and Debian's Chromium driven by Playwright:
 *
 * <ol>
 * <li><b>Drawing</b>: 4 runs × 2 000 steps at "Instant" speed; from pressing Run (clicked inside
 * the page, the clock started right before) to the first points drawn and to the complete drawing
 * of every chart, as ECharts reports its canvas painted. Median of {@link #MEASURED} after
 * {@link #WARMUP} warm-up races. Targets: &lt; 150 ms and &lt; 500 ms.</li>
 * <li><b>Live edit</b>: the same finished race; from an lr slider moved (its input event, in the
 * page) to every chart painted with the recomputed race. Target: ≤ 100 ms.</li>
 * <li><b>Server cost</b> of one session animating 4 runs at paced speeds, after {@link #WARM_RACES}
 * warm-up races: CPU time of this JVM less the benchmark's own Playwright threads (and the JIT's
 * share of it), and the bytes pushed over Vaadin's websocket; then {@link #PAGES_AT_ONCE} sessions
 * animating at once. Targets: ≤ 50 KB/s pushed, ≤ 2 % of a core per animating UI.</li>
 * <li><b>Heap per open UI</b>: used heap after full GCs with {@link #PAGES} pages (each its own
 * browser context, hence its own session) showing a scene, then after each ran its race, against
 * the same with none. Target: ≤ 2 MB per UI.</li>
 * </ol>
 *
 * <p>Usage: {@code PlaygroundBench [draw] [live] [cost] [heap]} (all four without arguments). See
 * BENCHMARKS.md for the Maven command.
 */
public final class PlaygroundBench {

    /** Four runs that each do all their steps on Rosenbrock (none converges or diverges early). */
    static final String RUNS = "surface=rosenbrock&run=adam:lr=0.001&run=adam:lr=0.001,beta1=0.8"
            + "&run=sgd:lr=0.0005&run=sgd:lr=0.001";
    static final int DRAW_STEPS = 2_000;
    static final int WARMUP = 5;
    static final int MEASURED = 10;
    /** Paced speeds (labels of the speed picker) and how long a race at each lasts. */
    static final Map<String, Integer> PACED = Map.of("100 steps/s", 100, "1,000 steps/s", 1_000);
    /** A paced race's length at its nominal speed: the bytes per second are counted over this time. */
    static final int PACED_SECONDS = 6;
    /**
     * Unmeasured races before the paced ones: the JIT compiles the frame path's code for tens of
     * seconds, and with one warm-up race most of the CPU measured was compilation, not frames.
     */
    static final int WARM_RACES = 4;
    /** Pages animating at the same time, each in its own session, for the per-UI cost under load. */
    static final int PAGES_AT_ONCE = 8;
    static final int PAGES = 10;

    private PlaygroundBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> parts = args.length == 0 ? List.of("draw", "live", "cost", "heap") : List.of(args);
        ConfigurableApplicationContext app = InProcess.startApp();
        String base = InProcess.baseUrl(app);
        try (Playwright playwright = InProcess.playwright()) {
            Browser browser = InProcess.chromium(playwright);
            System.out.printf("Chromium %s, server %s%n", browser.version(), base);
            if (parts.contains("draw")) {
                draw(browser, base);
            }
            if (parts.contains("live")) {
                live(browser, base);
            }
            if (parts.contains("cost")) {
                cost(browser, base);
            }
            if (parts.contains("heap")) {
                heap(browser, base);
            }
        } finally {
            app.close();
        }
    }

    // ---------------------------------------------------------------- drawing

    /**
     * Runs in the page: starts the clock, clicks Run and resolves when ECharts reports a painted
     * frame ("finished": nothing left to render) with the plot's first points, and one with every
     * chart at its expected point count; returns both times in ms since the click. A guard rejects
     * after 60 s instead of hanging.
     */
    private static final String CLICK_AND_TIME_DRAWING = """
            (expected) => new Promise((resolve, reject) => {
              const charts = [...document.querySelectorAll('lr-surface-plot, lr-line-chart')];
              const done = charts.map(() => null);
              const listeners = [];
              let first = null;
              const finish = (outcome) => {
                listeners.forEach(([chart, listener]) => chart.off('finished', listener));
                clearTimeout(guard);
                outcome();
              };
              const guard = setTimeout(() => finish(() => reject(new Error('not drawn within 60 s; counts '
                  + JSON.stringify(charts.map((c) => c.pointCount))))), 60000);
              charts.forEach((element, k) => {
                const listener = () => {
                  const now = performance.now() - start;
                  if (k === 0 && first === null && element.pointCount > element.pointCounts.length) first = now; // beyond θ₀
                  if (done[k] === null && element.pointCount >= expected[k]) done[k] = now;
                  if (first !== null && done.every((d) => d !== null)) {
                    finish(() => resolve([first, Math.max(...done)]));
                  }
                };
                element._chart.on('finished', listener);
                listeners.push([element._chart, listener]);
              });
              const start = performance.now();
              document.getElementById('run').click();
            })
            """;
    private static final String POINT_COUNTS = "() => [...document.querySelectorAll('lr-surface-plot, lr-line-chart')]"
            + ".map((c) => c.pointCount)";
    private static final String RACE_OVER = "() => [...document.querySelectorAll('.race-results .cell-status')]"
            + ".every((s) => s.getAttribute('kind') !== 'running') && document.getElementById('run').textContent.includes('Run again')";
    /** After Reset: every run back at θ₀. */
    private static final String CLEARED = "() => document.querySelector('lr-surface-plot').pointCounts.every((c) => c === 1)"
            + " && !document.getElementById('run').disabled";
    private static final Page.WaitForFunctionOptions LONG = new Page.WaitForFunctionOptions().setTimeout(60_000);

    private static void draw(Browser browser, String base) {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            open(page, base, RUNS + "&steps=" + DRAW_STEPS);
            selectSpeed(page, "Instant");

            // The first race tells what a complete drawing holds (thinned points per chart).
            page.click("#run");
            page.waitForFunction(RACE_OVER, null, LONG);
            List<Integer> expected = integers(page.evaluate(POINT_COUNTS));
            Object lastSteps = page.evaluate("() => document.querySelector('lr-surface-plot')._runs"
                    + ".map((r) => r.data[r.data.length - 1][2])");
            if (!integers(lastSteps).stream().allMatch(s -> s == DRAW_STEPS)) {
                throw new IllegalStateException("every run must draw all " + DRAW_STEPS + " steps, last steps: " + lastSteps);
            }

            double[] first = new double[MEASURED];
            double[] complete = new double[MEASURED];
            for (int i = -WARMUP; i < MEASURED; i++) {
                page.click("#reset");
                page.waitForFunction(CLEARED, null, LONG);
                List<Number> times = numbers(page.evaluate(CLICK_AND_TIME_DRAWING, expected));
                if (i >= 0) {
                    first[i] = times.get(0).doubleValue();
                    complete[i] = times.get(1).doubleValue();
                }
            }
            System.out.printf("%nDrawing 4 runs × %,d steps at Instant speed (points per chart %s), %d races after %d warm-up ones%n",
                    DRAW_STEPS, expected, MEASURED, WARMUP);
            report("Run → first points drawn", first, 150);
            report("Run → complete drawing", complete, 500);
        }
    }

    /**
     * Runs in the page: moves run 3's lr slider to the exponent given, starts the clock, and resolves
     * when ECharts has painted every chart at its expected point count with run 3's path changed.
     */
    private static final String SLIDE_AND_TIME_REDRAW = """
            ([exponent, expected]) => new Promise((resolve, reject) => {
              const plot = document.querySelector('lr-surface-plot');
              const charts = [...document.querySelectorAll('lr-surface-plot, lr-line-chart')];
              const before = JSON.stringify(plot._runs[2].data.at(-1));
              const listeners = [];
              const finish = (outcome) => {
                listeners.forEach(([chart, listener]) => chart.off('finished', listener));
                clearTimeout(guard);
                outcome();
              };
              const guard = setTimeout(() => finish(() => reject(new Error('not redrawn within 10 s'))), 10000);
              const check = () => {
                if (JSON.stringify(plot._runs[2].data.at(-1)) !== before
                    && charts.every((c, k) => c.pointCount >= expected[k])) {
                  const ms = performance.now() - start;
                  finish(() => resolve(ms));
                }
              };
              charts.forEach((c) => { c._chart.on('finished', check); listeners.push([c._chart, check]); });
              const slider = document.querySelectorAll('.run-card')[2].querySelector('input[type=range]');
              const start = performance.now();
              slider.value = exponent;
              slider.dispatchEvent(new Event('input', {bubbles: true}));
            })
            """;

    /** A slider moved while the race is finished: the recomputed race redrawn. */
    private static void live(Browser browser, String base) {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            open(page, base, RUNS + "&steps=" + DRAW_STEPS);
            selectSpeed(page, "Instant");
            page.click("#run");
            page.waitForFunction(RACE_OVER, null, LONG);
            List<Integer> expected = integers(page.evaluate(POINT_COUNTS));
            double[] redraw = new double[MEASURED];
            for (int i = -WARMUP; i < MEASURED; i++) {
                // SGD's lr between 4e-4 and 6.3e-4: every step is run at both, so the counts stay.
                double exponent = (i & 1) == 0 ? -3.4 : -3.2;
                double ms = ((Number) page.evaluate(SLIDE_AND_TIME_REDRAW, List.of(exponent, expected))).doubleValue();
                page.waitForTimeout(200); // past the slider's 80 ms throttle, so that each move is sent at once
                if (i >= 0) {
                    redraw[i] = ms;
                }
            }
            System.out.printf("%nLive edit of a finished race, 4 runs × %,d steps: %d slider moves after %d warm-up ones%n",
                    DRAW_STEPS, MEASURED, WARMUP);
            report("slider → scene redrawn", redraw, 100);
        }
    }

    private static void report(String what, double[] millis, double target) {
        Arrays.sort(millis);
        double median = (millis[(millis.length - 1) / 2] + millis[millis.length / 2]) / 2;
        System.out.printf("  %-26s median %6.1f ms, min %6.1f, max %6.1f (target < %.0f ms) %s%n", what, median,
                millis[0], millis[millis.length - 1], target, median < target ? "MET" : "MISSED");
    }

    // ---------------------------------------------------------------- server cost

    private static void cost(Browser browser, String base) {
        System.out.printf("%nOne session animating 4 runs, %d s per speed, after %d warm-up races; CPU of this JVM less the"
                + " benchmark's Playwright client, %d cores; \"JIT\" is the compiler threads' share%n", PACED_SECONDS,
                WARM_RACES, InProcess.Cpu.cores());
        List<Map.Entry<String, Integer>> speeds = new ArrayList<>(PACED.entrySet());
        speeds.sort(Map.Entry.comparingByValue());
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            AtomicLong pushed = new AtomicLong();
            AtomicLong messages = new AtomicLong();
            page.onWebSocket(ws -> ws.onFrameReceived(frame -> {
                messages.incrementAndGet();
                pushed.addAndGet(frame.text() != null ? frame.text().getBytes(StandardCharsets.UTF_8).length
                        : frame.binary().length);
            }));
            open(page, base, RUNS + "&steps=" + speeds.getLast().getValue() * PACED_SECONDS);
            selectSpeed(page, speeds.getLast().getKey());
            for (int i = 0; i < WARM_RACES; i++) { // the fastest paced speed: the most frames per warm-up second
                page.click("#run");
                page.waitForFunction(RACE_OVER, null, LONG);
                page.click("#reset");
                page.waitForFunction(CLEARED, null, LONG);
            }
            for (Map.Entry<String, Integer> speed : speeds) {
                open(page, base, RUNS + "&steps=" + speed.getValue() * PACED_SECONDS);
                selectSpeed(page, speed.getKey());
                page.evaluate(WATCH_BROWSER);
                InProcess.Cpu cpu = InProcess.Cpu.now();
                long wall0 = System.nanoTime();
                pushed.set(0);
                messages.set(0);
                page.click("#run");
                page.waitForFunction(RACE_OVER, null, LONG);
                double seconds = (System.nanoTime() - wall0) / 1e9;
                InProcess.Cpu.Used used = InProcess.Cpu.now().since(cpu);
                // Per second of the race at its nominal speed (the server keeps that pace and sends a
                // frame every 100 ms); a browser that falls behind takes longer to read and draw them.
                double kbPerSecond = pushed.get() / 1024.0 / PACED_SECONDS;
                List<Number> browserMillis = numbers(page.evaluate("() => [window.benchPaint, window.benchRenders,"
                        + " window.benchLongTasks]"));
                System.out.printf("  %-14s a %d s race, drawn to its end after %5.2f s; server CPU %4.2f s (%4.1f %% of one"
                        + " core over the race; %4.1f %% without JIT); pushed %,d bytes in %d messages (%,d B each) = %5.1f KB"
                        + " per race second (target ≤ 50 KB/s) %s; browser: %.0f ms painting in %d chart renders, %.0f ms in"
                        + " long tasks%n",
                        speed.getKey(), PACED_SECONDS, seconds, used.seconds(), 100 * used.seconds() / PACED_SECONDS,
                        100 * (used.seconds() - used.jitSeconds()) / PACED_SECONDS,
                        pushed.get(), messages.get(), pushed.get() / Math.max(1, messages.get()), kbPerSecond,
                        kbPerSecond <= 50 ? "MET" : "MISSED", browserMillis.get(0).doubleValue(),
                        browserMillis.get(1).intValue(), browserMillis.get(2).doubleValue());
            }
            if (messages.get() == 0) {
                System.out.println("  no websocket frames: push fell back to another transport; bytes not counted");
            }
        }
        costAtOnce(browser, base);
    }

    /** {@link #PAGES_AT_ONCE} sessions press Run together at the default speed: CPU per animating UI, and their pace. */
    private static void costAtOnce(Browser browser, String base) {
        String speed = "100 steps/s";
        int steps = PACED.get(speed) * PACED_SECONDS;
        List<BrowserContext> contexts = new ArrayList<>();
        try {
            List<Page> pages = new ArrayList<>();
            for (int i = 0; i < PAGES_AT_ONCE; i++) {
                BrowserContext context = browser.newContext();
                contexts.add(context);
                Page page = context.newPage();
                open(page, base, RUNS + "&steps=" + steps);
                selectSpeed(page, speed);
                pages.add(page);
            }
            InProcess.Cpu cpu = InProcess.Cpu.now();
            long wall0 = System.nanoTime();
            pages.forEach(p -> p.evaluate("() => document.getElementById('run').click()"));
            pages.forEach(p -> p.waitForFunction(RACE_OVER, null, LONG));
            double seconds = (System.nanoTime() - wall0) / 1e9;
            InProcess.Cpu.Used used = InProcess.Cpu.now().since(cpu);
            double uiSeconds = (double) PAGES_AT_ONCE * PACED_SECONDS;
            System.out.printf("  %d sessions at %s together: every race drawn to its end after %5.2f s (%d s each);"
                    + " server CPU %4.2f s = %4.1f %% of one core per animating UI (%4.1f %% without JIT)%n",
                    PAGES_AT_ONCE, speed, seconds, PACED_SECONDS, used.seconds(), 100 * used.seconds() / uiSeconds,
                    100 * (used.seconds() - used.jitSeconds()) / uiSeconds);
        } finally {
            contexts.forEach(BrowserContext::close);
        }
    }

    /** Sums, in the page, the charts' paint times (ECharts' "rendered" events) and the main thread's long tasks. */
    private static final String WATCH_BROWSER = """
            () => {
              window.benchPaint = 0;
              window.benchRenders = 0;
              window.benchLongTasks = 0;
              document.querySelectorAll('lr-surface-plot, lr-line-chart').forEach((c) => c._chart.on('rendered', (e) => {
                window.benchPaint += e.elapsedTime;
                window.benchRenders++;
              }));
              new PerformanceObserver((list) => list.getEntries().forEach((e) => window.benchLongTasks += e.duration))
                  .observe({type: 'longtask'});
            }
            """;

    // ---------------------------------------------------------------- heap per UI

    private static void heap(Browser browser, String base) {
        // One page first, so that the baseline holds what the first UI initialises once for all.
        try (BrowserContext first = browser.newContext()) {
            race(openPage(first, base));
        }
        long none = InProcess.usedHeapAfterGc();
        List<BrowserContext> contexts = new ArrayList<>();
        try {
            List<Page> pages = new ArrayList<>();
            for (int i = 0; i < PAGES; i++) {
                BrowserContext context = browser.newContext();
                contexts.add(context);
                pages.add(openPage(context, base));
            }
            long scenes = InProcess.usedHeapAfterGc();
            pages.forEach(PlaygroundBench::race);
            long raced = InProcess.usedHeapAfterGc();
            System.out.printf("%nHeap after full GCs: %.1f MB with no page open, %d pages (own sessions) open%n",
                    none / 1048576.0, PAGES);
            reportHeap("scene shown", scenes - none);
            reportHeap("4 × " + DRAW_STEPS + " steps run", raced - none);
        } finally {
            contexts.forEach(BrowserContext::close);
        }
    }

    private static Page openPage(BrowserContext context, String base) {
        Page page = context.newPage();
        open(page, base, RUNS + "&steps=" + DRAW_STEPS);
        return page;
    }

    private static void race(Page page) {
        selectSpeed(page, "Instant");
        page.click("#run");
        page.waitForFunction(RACE_OVER, null, LONG);
    }

    private static void reportHeap(String state, long bytes) {
        double perUi = bytes / (double) PAGES / 1048576.0;
        System.out.printf("  %-22s +%.1f MB in all = %.2f MB per UI (target ≤ 2 MB) %s%n", state, bytes / 1048576.0, perUi,
                perUi <= 2 ? "MET" : "MISSED");
    }

    // ---------------------------------------------------------------- page helpers

    /** Opens a scene and waits until the surface and the start marker are drawn. */
    private static void open(Page page, String base, String query) {
        page.navigate(base + "/?" + query);
        page.waitForFunction("() => { const e = document.querySelector('lr-surface-plot');"
                + " return e && e._chart && e._surface && e.startPoint; }", null, LONG);
    }

    /** Picks a speed as a user does: open the picker, click the option. */
    private static void selectSpeed(Page page, String label) {
        page.getByLabel("Speed").click();
        page.getByRole(com.microsoft.playwright.options.AriaRole.OPTION,
                new Page.GetByRoleOptions().setName(label).setExact(true)).click();
        page.waitForFunction("label => [...document.querySelectorAll('vaadin-select')].some((s) =>"
                + " s.querySelector('label[slot=label]')?.textContent === 'Speed'"
                + " && s.querySelector('[slot=value]')?.textContent.trim() === label)", label);
    }

    private static List<Integer> integers(Object list) {
        return numbers(list).stream().map(Number::intValue).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Number> numbers(Object list) {
        return (List<Number>) list;
    }
}
