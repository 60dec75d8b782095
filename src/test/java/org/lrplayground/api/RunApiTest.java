package org.lrplayground.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.optim.Optimizers;
import org.lrplayground.engine.param.Param;
import org.lrplayground.engine.run.Choice;
import org.lrplayground.engine.run.Race;
import org.lrplayground.engine.run.RunConfig;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.engine.run.Trajectory;
import tools.jackson.databind.JsonNode;

/** The run API over real HTTP, as clients see it: the answers' shape, their numbers and the 400s. */
class RunApiTest extends OverHttp {

    /** The issue's example; momentum and adagrad arrive with the optimizer branch. */
    static final String EXAMPLE = "surface=rosenbrock&start=-1.5,2&steps=500&run=adam:lr=0.05"
            + "&run=momentum:lr=0.0005,momentum=0.9&run=adagrad:lr=0.5,sched=cosine,T_max=500";
    /** The same shape with the methods every build has. */
    static final String SGD_ADAM = "surface=rosenbrock&start=-1.5,2&steps=500&run=adam:lr=0.05"
            + "&run=sgd:lr=0.0005,x0=0,y0=-0.5&run=adam:lr=0.5,beta1=0.8,sched=cosine,T_max=500";

    @Test
    void theIssuesExampleAnswersEveryRunInJsonAndCsv() throws Exception {
        assumeTrue(Optimizers.byId("momentum").isPresent() && Optimizers.byId("adagrad").isPresent(),
                "momentum and adagrad are not in this build");
        assertJsonDescribes(EXAMPLE);
        assertCsvDescribes(EXAMPLE);
    }

    @Test
    void jsonHoldsTheNormalisedSpecAndEveryPointOfEveryRun() throws Exception {
        assertJsonDescribes(SGD_ADAM);
    }

    @Test
    void csvHoldsOneRowPerRunAndStep() throws Exception {
        assertCsvDescribes(SGD_ADAM);
    }

    @Test
    void aDivergingRunEndsAsDivergedWithoutNonFiniteNumbers() throws Exception {
        String query = "surface=rosenbrock&start=-1.5,2&steps=500&run=sgd:lr=1";

        HttpResponse<String> answer = get("/api/runs?" + query);
        JsonNode run = json.readTree(answer.body()).get("runs").get(0);
        assertThat(run.get("status").get("kind").asString()).isEqualTo("diverged");
        assertThat(run.get("status").get("reason").asString()).contains("ten times smaller");
        assertThat(answer.body()).doesNotContain("NaN").doesNotContain("Infinity");

        String csv = get("/api/runs.csv?" + query).body();
        assertThat(csv).doesNotContain("NaN").doesNotContain("Infinity");
        assertThat(csv.lines().skip(1)).hasSize(run.get("points").get("x").size());
    }

    @Test
    void aTwelveRunCustomSurfaceRequestScansItsBoxForFStarOnce() throws Exception {
        String query = "surface=custom&f=" + java.net.URLEncoder.encode("x^2 + 3*y^2 - x*y", StandardCharsets.UTF_8)
                + "&steps=20" + "&run=eve:lr=0.01".repeat(12);
        long before = org.lrplayground.engine.surface.Surfaces.customBoxScans();

        HttpResponse<String> answer = get("/api/runs?" + query);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json.readTree(answer.body()).get("runs")).hasSize(12);
        assertThat(org.lrplayground.engine.surface.Surfaces.customBoxScans() - before).isEqualTo(1);
    }

    @Test
    void stateAddsTheNamedRunsOptimizerStateToItsPoints() throws Exception {
        String query = "surface=rosenbrock&steps=40&run=sgd:lr=0.001&run=eve:lr=0.02";
        Race race = Race.run(RunFormat.parse(query), java.util.Set.of(1));
        Trajectory t = race.trajectory(1);

        JsonNode runs = json.readTree(get("/api/runs?" + query + "&state=1").body()).get("runs");

        assertThat(runs.get(0).get("points").propertyNames()).containsExactly(
                "x", "y", "loss", "grad_x", "grad_y", "lr_x", "lr_y", "eta");
        JsonNode points = runs.get(1).get("points");
        assertThat(t.stateNames()).containsExactly("m_x", "m_y", "v_x", "v_y", "d", "f_hat");
        for (int k = 0; k < t.stateNames().size(); k++) {
            int column = k;
            assertSeries(points.get(t.stateNames().get(k)), t, i -> t.state(column, i));
        }
        assertThat(points.get("d").get(0).asDouble()).as("Eve's d before the first step").isEqualTo(1);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"state=2", "state=-1", "state=one", "state=0.5", "state="})
    void badStateValuesAnswer400NamingState(String state) throws Exception {
        HttpResponse<String> answer = get("/api/runs?surface=booth&run=sgd&run=adam&" + state);

        assertThat(answer.statusCode()).isEqualTo(400);
        JsonNode error = json.readTree(answer.body());
        assertThat(error.get("parameter").asString()).isEqualTo("state");
        assertThat(error.get("error").asString()).contains("0 to 1");
    }

    @Test
    void theCsvHasNoStateColumnsAndSaysSo() throws Exception {
        HttpResponse<String> answer = get("/api/runs.csv?surface=booth&run=adam&state=0");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json.readTree(answer.body()).get("parameter").asString()).isEqualTo("state");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("org.lrplayground.engine.format.RunFormatErrorsTest#badQueries")
    void badQueriesAnswer400NamingTheParameter(String query, String parameter, String[] fragments) throws Exception {
        for (String path : List.of("/api/runs?", "/api/runs.csv?")) {
            HttpResponse<String> answer = get(path + query);

            assertThat(answer.statusCode()).as(path + query).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            JsonNode error = json.readTree(answer.body());
            assertThat(error.get("parameter").asString()).isEqualTo(parameter);
            assertThat(error.get("error").asString()).contains(fragments);
        }
    }

    @Test
    void answersAreStreamedRatherThanSizedUpFront() throws Exception {
        for (String path : List.of("/api/runs?", "/api/runs.csv?")) {
            HttpResponse<String> answer = get(path + SGD_ADAM);

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Length")).as(path).isEmpty();
        }
    }

    @Test
    void errorsAreJsonEvenWhenCsvWasAskedFor() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri("/api/runs.csv?run=nadam9"))
                .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json.readTree(answer.body()).get("parameter").asString()).isEqualTo("run[0]");
    }

    @Test
    void unknownApiAddressesAnswerJson404s() throws Exception {
        HttpResponse<String> answer = get("/api/run?run=sgd");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(json.readTree(answer.body()).get("error").asString()).contains("/api/run", "/api/runs?<query>");
    }

    @Test
    void expressionCharactersNeedNoPercentEncoding() throws Exception {
        // java.net.URI refuses ^ and |, as Tomcat does unless told otherwise: talk HTTP/1.0 by hand.
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream().write("GET /api/runs?run=sgd&f=x^2+|y| HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 400");
            JsonNode error = json.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
            assertThat(error.get("parameter").asString()).isEqualTo("f");
        }
    }

    @Test
    void otherMethodsGetNoStackTrace() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri("/api/runs?run=sgd"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(405);
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private void assertJsonDescribes(String query) throws Exception {
        RunSpec spec = RunFormat.parse(query);
        Race race = Race.run(spec);

        HttpResponse<String> answer = get("/api/runs?" + query);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode root = json.readTree(answer.body());

        JsonNode s = root.get("spec");
        assertThat(s.get("query").asString()).isEqualTo(RunFormat.format(spec));
        assertThat(s.get("surface").get("id").asString()).isEqualTo("rosenbrock");
        assertThat(s.get("surface").get("name").asString()).isEqualTo("Rosenbrock");
        assertThat(s.get("surface").get("formula").asString()).isEqualTo(spec.surface().formula());
        assertThat(List.of(s.get("box").get("xmin").asDouble(), s.get("box").get("xmax").asDouble(),
                s.get("box").get("ymin").asDouble(), s.get("box").get("ymax").asDouble())).containsExactly(-2.0, 2.0, -1.0, 3.0);
        assertThat(s.get("start").get("x").asDouble()).isEqualTo(-1.5);
        assertThat(s.get("start").get("y").asDouble()).isEqualTo(2.0);
        assertThat(s.get("steps").asInt()).isEqualTo(500);
        assertThat(s.get("noise").asDouble()).isZero();
        assertThat(s.get("seed").asLong()).isZero();
        assertThat(s.get("batch").asInt()).isEqualTo(1);
        assertThat(s.get("fStar").asDouble()).isZero();
        assertThat(s.get("minima")).hasSize(1);
        assertThat(s.get("minima").get(0).get("x").asDouble()).isEqualTo(1.0);
        assertThat(s.get("minima").get(0).get("y").asDouble()).isEqualTo(1.0);
        assertThat(s.get("runs")).hasSize(spec.runs().size());
        for (int i = 0; i < spec.runs().size(); i++) {
            RunConfig config = spec.runs().get(i);
            assertChoice(s.get("runs").get(i).get("optimizer"), config.optimizer());
            assertChoice(s.get("runs").get(i).get("schedule"), config.schedule());
            JsonNode start = s.get("runs").get(i).get("start");
            assertThat(List.of(start.get("x").asDouble(), start.get("y").asDouble()))
                    .containsExactly(spec.startOf(config).x(), spec.startOf(config).y());
        }

        assertThat(root.get("runs")).hasSize(spec.runs().size());
        for (int i = 0; i < spec.runs().size(); i++) {
            JsonNode run = root.get("runs").get(i);
            Trajectory t = race.trajectory(i);
            assertThat(run.get("index").asInt()).isEqualTo(i);
            assertThat(run.get("label").asString()).isEqualTo(spec.runs().get(i).label());
            assertThat(run.get("status").get("kind").asString()).isEqualTo(race.status(i).kind().id());
            assertThat(run.get("status").get("step").asInt()).isEqualTo(race.status(i).step());
            assertThat(run.get("status").get("reason").asString()).isEqualTo(race.status(i).reason());
            assertThat(run.get("finalLoss").asDouble()).isEqualTo(t.loss(t.size() - 1));
            assertThat(run.get("distanceToMinimum").asDouble()).isEqualTo(race.distanceToNearestMinimum(i));
            JsonNode points = run.get("points");
            assertSeries(points.get("x"), t, t::x);
            assertSeries(points.get("y"), t, t::y);
            assertSeries(points.get("loss"), t, t::loss);
            assertSeries(points.get("grad_x"), t, t::gradX);
            assertSeries(points.get("grad_y"), t, t::gradY);
            assertSeries(points.get("lr_x"), t, t::lrX);
            assertSeries(points.get("lr_y"), t, t::lrY);
            assertSeries(points.get("eta"), t, t::eta);
            assertThat(points.get("lr_x").get(0).isNull()).as("lr at t = 0").isTrue();
            assertThat(points.get("lr_y").get(0).isNull()).as("lr at t = 0").isTrue();
            assertThat(points.get("eta").get(0).isNull()).as("η at t = 0").isTrue();
            assertThat(points.get("eta").get(1).asDouble()).as("η of the first update")
                    .isEqualTo(spec.runs().get(i).optimizer().instance().lr()
                            * spec.runs().get(i).schedule().instance().start(race.fStar()).multiplier(0, t.loss(0)));
        }
    }

    private static void assertChoice(JsonNode node, Choice<?> choice) {
        assertThat(node.get("id").asString()).isEqualTo(choice.method().id());
        assertThat(node.get("name").asString()).isEqualTo(choice.method().name());
        JsonNode params = node.get("params");
        assertThat(params.propertyNames()).containsExactlyElementsOf(
                choice.method().params().stream().map(Param::name).toList());
        for (Param p : choice.method().params()) {
            double expected = choice.values().get(p);
            JsonNode value = params.get(p.name());
            switch (p.kind()) {
                case BOOLEAN -> assertThat(value.asBoolean()).as(p.name()).isEqualTo(expected != 0);
                case INTEGER -> assertThat(value.isIntegralNumber() && value.asLong() == expected).as(p.name()).isTrue();
                case REAL -> assertThat(value.asDouble()).as(p.name()).isEqualTo(expected);
            }
        }
    }

    private static void assertSeries(JsonNode array, Trajectory t, IntToDoubleFunction value) {
        assertThat(array).hasSize(t.size());
        for (int i = 0; i < t.size(); i++) {
            double expected = value.applyAsDouble(i);
            if (Double.isFinite(expected)) {
                assertThat(array.get(i).asDouble()).isEqualTo(expected);
            } else {
                assertThat(array.get(i).isNull()).isTrue();
            }
        }
    }

    private void assertCsvDescribes(String query) throws Exception {
        Race race = Race.run(RunFormat.parse(query));

        HttpResponse<String> answer = get("/api/runs.csv?" + query);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        List<String> lines = answer.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("run,step,x,y,loss,grad_x,grad_y,lr_x,lr_y,eta,label");

        int line = 1;
        for (int r = 0; r < race.size(); r++) {
            Trajectory t = race.trajectory(r);
            for (int i = 0; i < t.size(); i++, line++) {
                String row = lines.get(line);
                String label = ",\"" + race.spec().runs().get(r).label() + "\"";
                assertThat(row).endsWith(label);
                String[] f = row.substring(0, row.length() - label.length()).split(",", -1);
                assertThat(f).hasSize(10);
                assertThat(f[0]).isEqualTo(Integer.toString(r));
                assertThat(f[1]).isEqualTo(Integer.toString(i));
                double[] expected = {t.x(i), t.y(i), t.loss(i), t.gradX(i), t.gradY(i), t.lrX(i), t.lrY(i), t.eta(i)};
                for (int c = 0; c < expected.length; c++) {
                    assertThat(f[c + 2]).as("line %d field %d", line, c + 2)
                            .isEqualTo(Double.isFinite(expected[c]) ? Double.toString(expected[c]) : "");
                }
            }
        }
        assertThat(lines).hasSize(line);
    }
}
