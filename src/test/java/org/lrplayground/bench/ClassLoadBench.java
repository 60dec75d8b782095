package org.lrplayground.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A class under load, measured with the application in this JVM (production mode, random port,
 * the default H2 database) and the teacher's board open in Debian's Chromium (1400 × 900) driven
 * by Playwright. {@value #STUDENTS} students, played by plain HTTP clients from one address, join a
 * class of lesson 1's ravine through the class API, then all hand in within {@value #ROUND_MILLIS}
 * ms (evenly spaced, in an order shuffled with a fixed seed), each with SGD at a different lr of a
 * log grid, so that the board's aggregate shows a U-curve; then a second round the same way, at the
 * grid's midpoints.
 *
 * <ul>
 * <li><b>Hand-in → board</b>: from a hand-in's request sent (wall clock, ms) to the board's surface
 * plot painted with that student's new path: the page records {@code Date.now()} per path name at
 * the first ECharts {@code finished} event after the path reached ECharts (instrumented from here,
 * by wrapping the plot's {@code setPaths} and its chart's {@code setOption}). p50, p95 and max per
 * round. Target: p95 ≤ 1 s.</li>
 * <li><b>Server CPU</b> over each round, from the first request to the last path painted: this
 * JVM's CPU time less the benchmark's own threads (Playwright's, the HTTP clients'), as a fraction
 * of one core. Target: below one core.</li>
 * <li><b>Heap per student</b>: used heap after full GCs with the class of {@value #STUDENTS}
 * students and both rounds' hand-ins on the open board, against the same board on the empty class
 * and against no class and no board, divided by {@value #STUDENTS}. Target: ≤ 2 MB.</li>
 * </ul>
 *
 * <p>An unmeasured class of {@value #WARMUP_STUDENTS} students handing in once warms the code
 * first. "The moment everyone presses Run" (students' pages animating races) is not part of this
 * benchmark. See BENCHMARKS.md for the Maven command.
 */
public final class ClassLoadBench {

    /** Lesson 1's scene: SGD on the ravine, κ = 50, where lr ≈ 2/(1 + κ) is best and above 2/κ diverges. */
    static final String SCENE = "surface=ravine&kappa=50&steps=200&run=sgd:lr=0.002";
    static final String CHALLENGE = "closest";
    static final int STUDENTS = 100;
    static final int WARMUP_STUDENTS = 20;
    static final long ROUND_MILLIS = 5_000;
    /** The lr grid: from crawling to diverging on this ravine. */
    static final double LR_MIN = 1e-3, LR_MAX = 0.045;
    static final long SEED = 20261202;
    static final double TARGET_P95_MILLIS = 1_000, TARGET_MB_PER_STUDENT = 2;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Page.WaitForFunctionOptions LONG = new Page.WaitForFunctionOptions().setTimeout(60_000)
            .setPollingInterval(100);

    /**
     * Runs in the board: records per path name ("student · label") the wall-clock ms when the path
     * arrived ({@code window.benchArrived}: the server's {@code setPaths} call) and of the first frame
     * ECharts finished painting after that path was handed to it ({@code window.benchPainted}; the
     * plot hands paths over at its next animation frame, or at once when their count shrank), and
     * sums the page's long tasks (main thread busy for over 50 ms) in {@code window.benchLongTasks}.
     */
    private static final String RECORD_PAINTS = """
            () => {
              const plot = document.querySelector('.board-plot');
              const chart = plot._chart;
              window.benchArrived = {};
              window.benchPainted = {};
              let received = [], handed = [];
              const setPaths = plot.setPaths;
              plot.setPaths = function (count, paths) {
                const now = Date.now();
                for (const p of paths) if (!(p.name in window.benchArrived)) window.benchArrived[p.name] = now;
                received.push(...paths.map((p) => p.name));
                return setPaths.call(this, count, paths);
              };
              const setOption = chart.setOption;
              chart.setOption = function (...args) {
                handed.push(...received);
                received = [];
                return setOption.apply(this, args);
              };
              chart.on('finished', () => {
                const now = Date.now();
                for (const name of handed) if (!(name in window.benchPainted)) window.benchPainted[name] = now;
                handed = [];
              });
              window.benchLongTasks = 0;
              new PerformanceObserver((list) => list.getEntries().forEach((e) => window.benchLongTasks += e.duration))
                  .observe({type: 'longtask'});
            }
            """;

    /** A class as {@code POST /api/classes} answers it. */
    record Hosted(String code, String boardUrl) {
    }

    /** A student who joined: their nickname and token. */
    record Student(String name, String token) {
    }

    /** One hand-in: the path name it is drawn under, when its request went out and how long its answer took. */
    record Sent(String path, long sentAtMillis, long answerNanos) {
    }

    private final HttpClient http;
    private final ScheduledExecutorService schedule;
    private final String base;
    /** Bytes of the websocket frames the board received (Vaadin's push). */
    private final AtomicLong pushed = new AtomicLong();

    private ClassLoadBench(HttpClient http, ScheduledExecutorService schedule, String base) {
        this.http = http;
        this.schedule = schedule;
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext app = InProcess.startApp();
        ExecutorService httpThreads = Executors.newFixedThreadPool(4, named(InProcess.CLIENT_THREAD + "http-"));
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(named(InProcess.CLIENT_THREAD + "schedule-"));
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(httpThreads).build();
             Playwright playwright = InProcess.playwright()) {
            Browser browser = InProcess.chromium(playwright);
            System.out.printf("Chromium %s, server %s, %d cores, load average %.2f before the class%n", browser.version(),
                    InProcess.baseUrl(app), InProcess.Cpu.cores(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            new ClassLoadBench(http, schedule, InProcess.baseUrl(app)).run(browser);
        } finally {
            schedule.shutdownNow();
            httpThreads.shutdownNow();
            app.close();
        }
    }

    private void run(Browser browser) throws Exception {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900))) {
            Page page = context.newPage();
            page.onWebSocket(ws -> ws.onFrameReceived(frame -> pushed.addAndGet(frame.text() != null
                    ? frame.text().getBytes(StandardCharsets.UTF_8).length : frame.binary().length)));
            Hosted warm = host();
            openBoard(page, warm);
            round(page, warm, join(warm, WARMUP_STUDENTS), 1);
            System.out.printf("%nWarm-up: a class of %d students handed in once (not reported)%n", WARMUP_STUDENTS);
            page.navigate("about:blank");

            long none = InProcess.usedHeapAfterGc();
            Hosted hosted = host();
            openBoard(page, hosted);
            long empty = InProcess.usedHeapAfterGc();
            List<Student> students = join(hosted, STUDENTS);
            awaitCounts(page, STUDENTS + " joined · 0 handed in");
            System.out.printf("%nClass %s (%s, challenge %s): %d students joined through the API; each round they all hand in"
                    + " within %d ms, SGD at lr from %s to %s (log grid)%n", hosted.code(), SCENE, CHALLENGE, STUDENTS,
                    ROUND_MILLIS, LR_MIN, LR_MAX);
            for (int round = 1; round <= 2; round++) {
                round(page, hosted, students, round).print("round " + round);
            }
            long full = InProcess.usedHeapAfterGc();
            System.out.printf("%nHeap after full GCs: %.1f MB before the class, %.1f MB with its board open on the empty class,"
                    + " %.1f MB with %d students and %d hand-ins%n", mb(none), mb(empty), mb(full), STUDENTS, 2 * STUDENTS);
            reportHeap("class data, board open", full - empty);
            reportHeap("class and its board", full - none);
        }
    }

    /**
     * A round's measures, per hand-in ms from its request sent to its answer, to its path arriving
     * in the board and to the board painted with it; the server's CPU seconds over the round's wall
     * seconds; the bytes pushed to the board meanwhile and the seconds of the board's long tasks.
     */
    record Round(double[] answered, double[] arrived, double[] painted, double cpuSeconds, double wallSeconds, long pushed,
                 double longTasks) {

        void print(String name) {
            double p95 = percentile(painted, 95);
            double core = cpuSeconds / wallSeconds;
            System.out.printf("  %s: hand-in → board painted %s (target p95 ≤ %.0f ms) %s%n", name, spread(painted),
                    TARGET_P95_MILLIS, p95 <= TARGET_P95_MILLIS ? "MET" : "MISSED");
            System.out.printf("  %s: of which → answered %s; → path in the board %s%n", " ".repeat(name.length()),
                    spread(answered), spread(arrived));
            System.out.printf("  %s: server CPU %.2f s over %.2f s = %.2f of one core (target < 1) %s; %,d KB pushed to the"
                    + " board, whose page had %.2f s of long tasks%n", name, cpuSeconds, wallSeconds, core,
                    core < 1 ? "MET" : "MISSED", pushed / 1024, longTasks);
        }

        private static String spread(double[] millis) {
            return String.format("p50 %4.0f ms, p95 %4.0f, max %4.0f", percentile(millis, 50), percentile(millis, 95),
                    percentile(millis, 100));
        }
    }

    /**
     * Every student hands in once, on a schedule over {@link #ROUND_MILLIS}; returns when the board
     * has painted every one of these hand-ins.
     */
    private Round round(Page page, Hosted hosted, List<Student> students, int round) {
        int n = students.size();
        List<Integer> order = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        Collections.shuffle(order, new Random(SEED + round));
        page.evaluate("() => { window.benchArrived = {}; window.benchPainted = {}; window.benchLongTasks = 0; }");
        pushed.set(0);
        InProcess.Cpu cpu0 = InProcess.Cpu.now();
        long wall0 = System.nanoTime();
        List<CompletableFuture<Sent>> handins = new ArrayList<>();
        for (int slot = 0; slot < n; slot++) {
            Student student = students.get(order.get(slot));
            String run = "sgd:lr=" + lr(order.get(slot), n, round);
            CompletableFuture<Sent> sent = new CompletableFuture<>();
            schedule.schedule(() -> handIn(hosted, student, run).whenComplete((s, e) -> {
                if (e != null) {
                    sent.completeExceptionally(e);
                } else {
                    sent.complete(s);
                }
            }), slot * ROUND_MILLIS / n, TimeUnit.MILLISECONDS);
            handins.add(sent);
        }
        List<Sent> all = handins.stream().map(CompletableFuture::join).toList();
        List<String> paths = all.stream().map(Sent::path).toList();
        page.waitForFunction("paths => paths.every((p) => p in window.benchPainted)", paths, LONG);
        double wallSeconds = (System.nanoTime() - wall0) / 1e9;
        double cpuSeconds = InProcess.Cpu.now().serverSecondsSince(cpu0);
        long bytes = pushed.get();
        double longTasks = ((Number) page.evaluate("() => window.benchLongTasks")).doubleValue() / 1000;
        List<?> times = (List<?>) page.evaluate("paths => paths.map((p) => [window.benchArrived[p], window.benchPainted[p]])", paths);
        double[] answered = new double[n];
        double[] arrived = new double[n];
        double[] painted = new double[n];
        for (int i = 0; i < n; i++) {
            List<?> t = (List<?>) times.get(i);
            long sentAt = all.get(i).sentAtMillis();
            answered[i] = all.get(i).answerNanos() / 1e6;
            arrived[i] = ((Number) t.get(0)).doubleValue() - sentAt;
            painted[i] = ((Number) t.get(1)).doubleValue() - sentAt;
        }
        return new Round(answered, arrived, painted, cpuSeconds, wallSeconds, bytes, longTasks);
    }

    /** Student i's lr in a round: a log grid from {@link #LR_MIN} to {@link #LR_MAX}, the second round at its midpoints; 3 digits. */
    static String lr(int i, int n, int round) {
        double t = (i + (round - 1) / 2.0) / (n - 0.5);
        double lr = LR_MIN * Math.pow(LR_MAX / LR_MIN, t);
        return new BigDecimal(lr).round(new MathContext(3)).toPlainString();
    }

    private CompletableFuture<Sent> handIn(Hosted hosted, Student student, String run) {
        HttpRequest request = form("/api/classes/" + hosted.code() + "/handins", "run=" + encode(run))
                .header("Authorization", "Bearer " + student.token()).build();
        long sentAt = System.currentTimeMillis();
        long start = System.nanoTime();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(answer -> {
            long took = System.nanoTime() - start;
            JsonNode handin = created(answer);
            return new Sent(student.name() + " · " + handin.get("runs").get(0).get("label").asString(), sentAt, took);
        });
    }

    private Hosted host() throws Exception {
        JsonNode c = created(http.send(form("/api/classes", "scene=" + encode(SCENE) + "&challenge=" + CHALLENGE).build(),
                HttpResponse.BodyHandlers.ofString()));
        return new Hosted(c.get("code").asString(), c.get("boardUrl").asString());
    }

    /** Students join one after the other, all from this address. */
    private List<Student> join(Hosted hosted, int count) throws Exception {
        List<Student> students = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String name = String.format("student %03d", i);
            JsonNode joined = created(http.send(form("/api/classes/" + hosted.code() + "/students", "name=" + encode(name))
                    .build(), HttpResponse.BodyHandlers.ofString()));
            students.add(new Student(name, joined.get("token").asString()));
        }
        return students;
    }

    /** Opens the board by its capability link and records its paints once it shows the empty class. */
    private static void openBoard(Page page, Hosted hosted) {
        page.navigate(hosted.boardUrl());
        page.waitForFunction("() => { const p = document.querySelector('.board-plot'); return p && p._chart && p._surface; }",
                null, LONG);
        awaitCounts(page, "0 joined · 0 handed in");
        page.evaluate(RECORD_PAINTS);
    }

    private static void awaitCounts(Page page, String counts) {
        page.waitForFunction("c => document.querySelector('#board-counts')?.textContent === c", counts, LONG);
    }

    private HttpRequest.Builder form(String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** The JSON of a 201, or an exception naming what was answered instead. */
    static JsonNode created(HttpResponse<String> answer) {
        if (answer.statusCode() != 201) {
            throw new IllegalStateException(answer.request().uri() + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Nearest rank: the smallest value that at least p % of them do not exceed. */
    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static void reportHeap(String what, long bytes) {
        double perStudent = mb(bytes) / STUDENTS;
        System.out.printf("  %-24s +%.1f MB = %.2f MB per student (target ≤ %.0f MB) %s%n", what, mb(bytes), perStudent,
                TARGET_MB_PER_STUDENT, perStudent <= TARGET_MB_PER_STUDENT ? "MET" : "MISSED");
    }

    private static double mb(long bytes) {
        return bytes / 1048576.0;
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
