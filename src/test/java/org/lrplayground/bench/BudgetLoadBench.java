package org.lrplayground.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A cheap request under heavy load, as a client sees it (request sent to last byte read): while
 * {@link #HEAVY} clients each keep one dear analysis in flight ({@link #HEAVY_QUERY}, 4e7 steps,
 * about a second of both cores; a 503 is asked again after {@link #RETRY_MILLIS} ms rather than
 * after its Retry-After, to keep the pressure on), one client asks {@code GET /api/runs} for 1 run
 * × 100 steps every {@link #CHEAP_PAUSE_MILLIS} ms. After {@link #WARMUP_SECONDS} s it records
 * for {@link #MEASURE_SECONDS} s: the cheap request's latency (target: p95 ≤ 250 ms), the time of
 * the heavy clients' 503s, and of a request refused above the limit (400, {@link #OVER_LIMIT_QUERY}).
 * The same cheap request is measured first on the idle server, as a baseline.
 *
 * <p>Usage: {@code BudgetLoadBench [base URL]}; without a URL it starts the application in this JVM
 * (production mode, random port), whose clients then share the machine's cores with the server,
 * as a client on the same host would. See BENCHMARKS.md for the command.
 */
public final class BudgetLoadBench {

    static final int HEAVY = 20;
    /** Every start runs every step (BatchBench's Adam on Rosenbrock): 200² × 1 000 = 4e7 steps. */
    static final String HEAVY_QUERY = "/api/basins?surface=rosenbrock&steps=1000&run=adam:lr=0.001&grid=200";
    static final String CHEAP_QUERY = "/api/runs?steps=100&run=sgd:lr=0.001";
    /** 200² × 100 000 steps = 4e9, twenty times the limit. */
    static final String OVER_LIMIT_QUERY = "/api/basins?surface=rosenbrock&steps=100000&run=adam:lr=0.001&grid=200";
    static final long RETRY_MILLIS = 100;
    static final long CHEAP_PAUSE_MILLIS = 50;
    static final int WARMUP_SECONDS = 15;
    static final int MEASURE_SECONDS = 60;
    static final int BASELINE = 200;

    private BudgetLoadBench() {
    }

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext app = args.length > 0 ? null : InProcess.startApp();
        String base = app == null ? args[0].replaceAll("/+$", "") : InProcess.baseUrl(app);
        try (HttpClient http = HttpClient.newHttpClient()) {
            run(http, base);
        } finally {
            if (app != null) {
                app.close();
            }
        }
    }

    private static void run(HttpClient http, String base) throws Exception {
        HttpRequest cheap = HttpRequest.newBuilder(URI.create(base + CHEAP_QUERY)).build();
        HttpRequest heavy = HttpRequest.newBuilder(URI.create(base + HEAVY_QUERY)).build();
        HttpRequest overLimit = HttpRequest.newBuilder(URI.create(base + OVER_LIMIT_QUERY)).build();

        List<Double> idle = new ArrayList<>();
        for (int i = 0; i < BASELINE; i++) {
            idle.add(timed(http, cheap, 200));
        }
        report("cheap " + CHEAP_QUERY + ", idle server", idle);

        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger busy = new AtomicInteger();
        List<Double> busyMillis = Collections.synchronizedList(new ArrayList<>());
        List<Thread> heavyClients = new ArrayList<>();
        for (int c = 0; c < HEAVY; c++) {
            heavyClients.add(Thread.ofPlatform().name(InProcess.CLIENT_THREAD + "heavy-" + c).start(() -> {
                while (!stop.get()) {
                    try {
                        long start = System.nanoTime();
                        HttpResponse<byte[]> answer = http.send(heavy, HttpResponse.BodyHandlers.ofByteArray());
                        double millis = (System.nanoTime() - start) / 1e6;
                        if (answer.statusCode() == 503) {
                            if (measuring.get()) {
                                busy.incrementAndGet();
                                busyMillis.add(millis);
                            }
                            Thread.sleep(RETRY_MILLIS);
                        } else if (answer.statusCode() == 200) {
                            if (measuring.get()) {
                                answered.incrementAndGet();
                            }
                        } else {
                            throw new IllegalStateException("HTTP " + answer.statusCode() + ": " + new String(answer.body()));
                        }
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }));
        }

        long warmupEnd = System.nanoTime() + WARMUP_SECONDS * 1_000_000_000L;
        while (System.nanoTime() < warmupEnd) {
            timed(http, cheap, 200);
            Thread.sleep(CHEAP_PAUSE_MILLIS);
        }
        measuring.set(true);
        List<Double> loaded = new ArrayList<>();
        List<Double> refused = new ArrayList<>();
        long end = System.nanoTime() + MEASURE_SECONDS * 1_000_000_000L;
        for (int i = 0; System.nanoTime() < end; i++) {
            loaded.add(timed(http, cheap, 200));
            if (i % 10 == 0) {
                refused.add(timed(http, overLimit, 400));
            }
            Thread.sleep(CHEAP_PAUSE_MILLIS);
        }
        measuring.set(false);
        stop.set(true);
        for (Thread t : heavyClients) {
            t.join();
        }

        report("cheap " + CHEAP_QUERY + ", under " + HEAVY + " heavy clients", loaded);
        System.out.printf("  target: p95 <= 250 ms %s%n", percentile(sorted(loaded), 0.95) <= 250 ? "MET" : "MISSED");
        report("400 above the limit " + OVER_LIMIT_QUERY + ", under load", refused);
        report("503 pool full, heavy clients' refused requests", busyMillis);
        System.out.printf("heavy %s: %d answered (200) and %d refused (503) in %d s%n", HEAVY_QUERY, answered.get(),
                busy.get(), MEASURE_SECONDS);
    }

    /** Milliseconds from request to the answer's last byte; the status must be {@code expected}. */
    private static double timed(HttpClient http, HttpRequest request, int expected) throws Exception {
        long start = System.nanoTime();
        HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        double millis = (System.nanoTime() - start) / 1e6;
        if (answer.statusCode() != expected) {
            throw new IllegalStateException(request.uri() + ": HTTP " + answer.statusCode() + ", expected " + expected
                    + ": " + new String(answer.body()));
        }
        return millis;
    }

    private static List<Double> sorted(List<Double> millis) {
        List<Double> out = new ArrayList<>(millis);
        Collections.sort(out);
        return out;
    }

    /** The nearest-rank percentile of sorted values. */
    private static double percentile(List<Double> sorted, double p) {
        return sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static void report(String what, List<Double> millis) {
        List<Double> s = sorted(millis);
        if (s.isEmpty()) {
            System.out.printf("%s: none%n", what);
            return;
        }
        System.out.printf("%s: %d requests; median %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, s.size(),
                percentile(s, 0.5), percentile(s, 0.95), percentile(s, 0.99), s.getLast());
    }
}
