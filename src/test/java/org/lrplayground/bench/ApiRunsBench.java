package org.lrplayground.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.lrplayground.Application;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Latency of the API's two computing answers as a client sees it (request sent to last byte read):
 * {@code GET /api/runs} for 4 runs × 10 000 steps, median over {@link #MEASURED} requests after
 * {@link #WARMUP} unmeasured ones (target: median &lt; 100 ms), and {@code GET /api/basins} for a
 * 200 × 200 grid × 1 000 steps, median over {@link #BASINS_MEASURED} after {@link #BASINS_WARMUP}
 * (target: &lt; 1 s), once as users would ask it and once with every start running every step.
 *
 * <p>Usage: {@code ApiRunsBench [base URL]}; without a URL it starts the application in this JVM on
 * a random port (production mode) and stops it afterwards. See BENCHMARKS.md for the Maven command.
 */
public final class ApiRunsBench {

    /** Four runs that each do all 10 000 steps (none converges early). */
    static final String QUERY = "surface=rosenbrock&steps=10000&run=adam:lr=0.001&run=adam:lr=0.001,beta1=0.8"
            + "&run=sgd:lr=0.0005&run=sgd:lr=0.001";
    static final int WARMUP = 30;
    static final int MEASURED = 30;

    /**
     * SGD at a rate stable on the whole box, on Himmelblau: most starts converge within a few
     * hundred steps, as in the basins users look at.
     */
    static final String BASINS_QUERY = "surface=himmelblau&steps=1000&run=sgd:lr=0.005&grid=200";
    /** The worst case: no start converges early (BatchBench's Adam on Rosenbrock), 40 million steps. */
    static final String BASINS_ALL_STEPS_QUERY = "surface=rosenbrock&steps=1000&run=adam:lr=0.001&grid=200";
    static final int BASINS_WARMUP = 5;
    static final int BASINS_MEASURED = 11;

    private ApiRunsBench() {
    }

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext app = null;
        String base;
        if (args.length > 0) {
            base = args[0].replaceAll("/+$", "");
        } else {
            app = SpringApplication.run(Application.class, "--server.port=0", "--vaadin.productionMode=true",
                    "--spring.main.banner-mode=off");
            base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        }
        try {
            measure(URI.create(base + "/api/runs?" + QUERY), WARMUP, MEASURED, 100);
            measure(URI.create(base + "/api/basins?" + BASINS_QUERY), BASINS_WARMUP, BASINS_MEASURED, 1000);
            measure(URI.create(base + "/api/basins?" + BASINS_ALL_STEPS_QUERY), BASINS_WARMUP, BASINS_MEASURED, 1000);
        } finally {
            if (app != null) {
                app.close();
            }
        }
    }

    private static void measure(URI uri, int warmup, int measured, double targetMillis) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
            int bytes = 0;
            for (int i = 0; i < warmup; i++) {
                bytes = fetch(client, request).length;
            }
            double[] millis = new double[measured];
            for (int i = 0; i < measured; i++) {
                long start = System.nanoTime();
                fetch(client, request);
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(millis);
            double median = (millis[(measured - 1) / 2] + millis[measured / 2]) / 2;
            System.out.printf("GET %s%n  answer: %,d bytes; %d requests after %d warm-up ones%n", uri, bytes, measured,
                    warmup);
            System.out.printf("  median %.1f ms, min %.1f ms, 90th percentile %.1f ms, max %.1f ms (target: median < %.0f ms) %s%n",
                    median, millis[0], millis[(int) Math.ceil(0.9 * measured) - 1], millis[measured - 1], targetMillis,
                    median < targetMillis ? "MET" : "MISSED");
        }
    }

    private static byte[] fetch(HttpClient client, HttpRequest request) throws Exception {
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + new String(response.body()));
        }
        return response.body();
    }
}
