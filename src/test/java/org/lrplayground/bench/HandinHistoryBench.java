package org.lrplayground.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Whether a hand-in's cost grows with its class's history: {@value #STUDENTS} students of one class
 * (lesson 1's ravine, as in {@link ClassLoadBench}) hand in one after the other, round after round,
 * until the class holds {@value #HANDINS} hand-ins; the latency of each request (sent to answer
 * read, one at a time) of the first {@value #STUDENTS} hand-ins is compared with that of the last
 * {@value #STUDENTS}. Target: p95 at {@value #HANDINS} within 20 % of p95 at {@value #STUDENTS}.
 * Also the size of the board's JSON at the end. An unmeasured class of the same size warms up first.
 * The application runs in this JVM on the test classpath's in-memory H2.
 */
public final class HandinHistoryBench {

    static final int STUDENTS = 100, HANDINS = 2_000;


    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    private HandinHistoryBench(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext app = InProcess.startApp();
        try {
            HandinHistoryBench bench = new HandinHistoryBench(InProcess.baseUrl(app));
            bench.handIns();
            double[] ms = bench.handIns();
            double first = ClassLoadBench.percentile(Arrays.copyOfRange(ms, 0, STUDENTS), 95);
            double last = ClassLoadBench.percentile(Arrays.copyOfRange(ms, HANDINS - STUDENTS, HANDINS), 95);
            System.out.printf("hand-ins 1–%d: p50 %.1f ms, p95 %.1f ms; hand-ins %d–%d: p50 %.1f ms, p95 %.1f ms"
                            + " (%+.0f %%, target within 20 %%)%n", STUDENTS,
                    ClassLoadBench.percentile(Arrays.copyOfRange(ms, 0, STUDENTS), 50), first, HANDINS - STUDENTS + 1,
                    HANDINS, ClassLoadBench.percentile(Arrays.copyOfRange(ms, HANDINS - STUDENTS, HANDINS), 50), last,
                    100 * (last / first - 1));
        } finally {
            app.close();
        }
    }

    /** A class of {@value #HANDINS} hand-ins; each one's ms, in order. Prints the board's size. */
    private double[] handIns() throws Exception {
        JsonNode c = ClassLoadBench.created(post("/api/classes", "scene=" + encode(ClassLoadBench.SCENE) + "&challenge="
                + ClassLoadBench.CHALLENGE, null));
        String code = c.get("code").asString();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < STUDENTS; i++) {
            tokens.add(ClassLoadBench.created(post("/api/classes/" + code + "/students", "name=student" + i, null)).get("token").asString());
        }
        double[] ms = new double[HANDINS];
        for (int i = 0; i < HANDINS; i++) {
            String run = "sgd:lr=" + ClassLoadBench.lr(i % STUDENTS, STUDENTS, 1 + i / STUDENTS % 2);
            long start = System.nanoTime();
            ClassLoadBench.created(post("/api/classes/" + code + "/handins", "run=" + encode(run), tokens.get(i % STUDENTS)));
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        HttpResponse<String> board = http.send(HttpRequest.newBuilder(URI.create(base + "/api/classes/" + code))
                .header("Authorization", "Bearer " + c.get("teacherKey").asString()).build(), HttpResponse.BodyHandlers.ofString());
        System.out.printf("class %s: %d hand-ins, board JSON %,d bytes%n", code, HANDINS,
                board.body().getBytes(StandardCharsets.UTF_8).length);
        return ms;
    }

    private HttpResponse<String> post(String path, String form, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
