package org.lrplayground.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lrplayground.app.Budgets;
import org.lrplayground.app.WorkBudget;
import org.lrplayground.engine.run.Cost;
import org.lrplayground.engine.run.Progress;
import org.lrplayground.playground.Await;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The work budget at the API's doors: refusals over the limit, a full pool, and a client that leaves. */
class BudgetApiTest extends OverHttp {

    /**
     * 200 × 200 starts × 5 000 steps, exactly the limit of 2e8: seconds of both cores, since Adam at
     * lr 0.001 converges from no start of Rosenbrock's box that soon.
     */
    static final String DEAR_BASINS = "/api/basins?surface=rosenbrock&steps=5000&run=adam:lr=0.001&grid=200";

    @Autowired
    WorkBudget budget;

    /** Holds the pool's places in a test that fills it. */
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseThePool() {
        release.countDown();
    }

    @Test
    void basinsAboveTheLimitAreA400NamingTheGridTheCostAndTheLimit() throws Exception {
        String error = badRequest("/api/basins?surface=rosenbrock&steps=100000&run=adam&grid=200", "grid");

        assertThat(error).contains("this costs 4.00e+09 steps").contains("the limit of 200000000 (lrp.budget.max-steps)");
    }

    @Test
    void aTuningAboveTheLimitIsA400NamingTheGrid() throws Exception {
        // 41 rates × 41 momenta × 16 starts × 100 000 steps.
        String error = badRequest("/api/tune?steps=100000&run=momentum:lr=0.001&grid=41&starts=16&also=momentum", "grid");

        assertThat(error).contains("this costs 2.69e+09 steps").contains("lrp.budget.max-steps");
    }

    @Test
    void aCustomFormulaCostsMoreThanABuiltInSurface() throws Exception {
        // 1 025 runs of 100 000 steps are 1.03e8 steps of a built-in surface, under the limit.
        assertThat(budget.allows(new Cost(1_025 * 100_000.0, "steps"))).isTrue();

        String error = badRequest("/api/restarts?surface=custom&f=x%5E2%2By%5E2%2Bx*y&steps=100000&run=adam&n=1", "steps");

        assertThat(error).contains("this costs").contains("the limit of 200000000 (lrp.budget.max-steps)");
    }

    @Test
    void withThePoolFullADearRequestIsA503WithRetryAfterAndACheapOneIsStillAnswered() throws Exception {
        fillThePool();

        for (String dear : new String[] {DEAR_BASINS, "/api/runs?steps=100000&run=sgd&run=adam&run=momentum&run=adagrad"
                + "&run=rmsprop&run=adamax&run=nadam&run=sgd:lr=0.01&run=adam:lr=0.01&run=sgd:lr=0.0001&run=adam:lr=0.1",
                "/api/runs.csv?steps=100000&run=sgd&run=adam&run=momentum&run=adagrad&run=rmsprop&run=adamax&run=nadam"
                        + "&run=sgd:lr=0.01&run=adam:lr=0.01&run=sgd:lr=0.0001&run=adam:lr=0.1"}) {
            HttpResponse<String> answer = get(dear);

            assertThat(answer.statusCode()).as(dear).isEqualTo(503);
            assertThat(answer.headers().firstValue("Retry-After")).as(dear).hasValue("5");
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            JsonNode error = json.readTree(answer.body());
            assertThat(error.get("error").asString()).as(dear).contains("busy").contains("try again in 5 s");
        }
        assertThat(get("/api/runs?steps=100&run=sgd").statusCode()).isEqualTo(200);
    }

    /** Takes every place of the pool with work that waits for the end of the test. */
    private void fillThePool() {
        Cost dear = new Cost(1e7, "steps");
        try {
            while (true) {
                budget.submit(dear, p -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                });
            }
        } catch (WorkBudget.Busy full) {
            // every worker and every place in the queue is taken
        }
    }

    /**
     * The measure of "stops within a second of its client leaving": the steps the computation reports
     * through its Progress hook are counted, and the last time the count grew after the client closed
     * its connection must be less than a second after it did.
     */
    @Test
    void aComputationWhoseClientLeftStopsReportingStepsWithinASecond() throws Exception {
        long before = budget.steps();
        long left;
        try (Socket client = new Socket("localhost", port)) {
            OutputStream out = client.getOutputStream();
            out.write(("GET " + DEAR_BASINS + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Await.until("the basins compute", () -> budget.steps() > before + 100L * Progress.CHUNK);
            InputStream in = client.getInputStream();
            assertThat(in.read()).as("the answer has begun").isPositive();
            left = System.nanoTime();
        }
        long atLeaving = budget.steps();
        Budgets.Stopped stopped = Budgets.stopsAfter(budget, left);

        Duration stoppedAfter = stopped.after();
        System.out.printf("client left after %d steps; %d more steps reported, the last %d ms after it left%n",
                atLeaving - before, stopped.steps() - atLeaving, stoppedAfter.toMillis());
        assertThat(stoppedAfter).isLessThan(Duration.ofSeconds(1));
        assertThat(stopped.steps() - before).as("steps done of the 2e8 asked").isLessThan(200_000_000L);
    }
}
