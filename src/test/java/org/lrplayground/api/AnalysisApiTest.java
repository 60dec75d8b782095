package org.lrplayground.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lrplayground.engine.analysis.Basins;
import org.lrplayground.engine.analysis.Restarts;
import org.lrplayground.engine.format.RunFormat;
import tools.jackson.databind.JsonNode;

/** The analysis APIs over real HTTP: the answers' shape and numbers, and a 400 for every kind of bad request. */
class AnalysisApiTest extends OverHttp {

    @Test
    void answersTheEnginesBasinsCellByCellFromTheLowerLeft() throws Exception {
        String scene = "surface=himmelblau&steps=500&run=sgd:lr=0.005";

        HttpResponse<String> answer = get("/api/basins?" + scene + "&grid=12");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode body = json.readTree(answer.body());
        Basins expected = Basins.of(RunFormat.parse(scene), 0, 12);
        assertThat(body.get("grid").asInt()).isEqualTo(12);
        assertThat(body.get("minima")).hasSize(4);
        for (int k = 0; k < 4; k++) {
            JsonNode m = body.get("minima").get(k);
            assertThat(m.get("x").asDouble()).isEqualTo(expected.minima().get(k).at().x());
            assertThat(m.get("y").asDouble()).isEqualTo(expected.minima().get(k).at().y());
            assertThat(m.get("share").asDouble()).isEqualTo(expected.minima().get(k).share());
        }
        assertThat(body.get("cells")).hasSize(144);
        for (int c = 0; c < 144; c++) {
            JsonNode cell = body.get("cells").get(c);
            Basins.Cell e = expected.cells().get(c);
            assertThat(cell.get("x0").asDouble()).isEqualTo(-5 + 10 * (c % 12 + 0.5) / 12);
            assertThat(cell.get("y0").asDouble()).isEqualTo(-5 + 10 * (c / 12 + 0.5) / 12);
            assertThat(cell.get("minimum").asInt()).isEqualTo(e.minimum());
            assertThat(cell.get("status").asString()).isEqualTo(e.status().id());
            assertThat(cell.get("steps").asInt()).isEqualTo(e.steps());
            assertThat(cell.get("finalLoss").asDouble()).isEqualTo(e.finalLoss());
        }
    }

    @Test
    void aStartWithoutALossHasANullFinalLossAndNoMinimum() throws Exception {
        // log(x) is undefined left of the y axis: those starts fail at once.
        String f = URLEncoder.encode("log(x + 2) + y^2", StandardCharsets.UTF_8);

        HttpResponse<String> answer = get("/api/basins?surface=custom&f=" + f + "&box=-3,3,-1,1&steps=20&run=sgd&grid=3");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).doesNotContain("NaN").doesNotContain("Infinity");
        JsonNode first = json.readTree(answer.body()).get("cells").get(0);
        assertThat(first.get("status").asString()).isEqualTo("diverged");
        assertThat(first.get("steps").asInt()).isZero();
        assertThat(first.get("finalLoss").isNull()).isTrue();
        assertThat(first.get("minimum").asInt()).isEqualTo(-1);
    }

    @Test
    void answersTheEnginesRestartsTryByTry() throws Exception {
        String scene = "surface=six-hump-camel&steps=1000&run=momentum:lr=0.01,momentum=0.9";

        HttpResponse<String> answer = get("/api/restarts?" + scene + "&n=5");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode body = json.readTree(answer.body());
        assertThat(body.get("samples").asInt()).isEqualTo(Restarts.SAMPLES);
        List<Restarts.Tries> expected = Restarts.of(RunFormat.parse(scene), 0, 5);
        assertThat(body.get("tries")).hasSize(5);
        for (int k = 0; k < 5; k++) {
            JsonNode t = body.get("tries").get(k);
            assertThat(t.get("n").asInt()).isEqualTo(k + 1);
            assertThat(t.get("randomStarts").asDouble()).isEqualTo(expected.get(k).randomStarts());
            assertThat(t.get("randomStarts90").asDouble()).isEqualTo(expected.get(k).randomStarts90());
            assertThat(t.get("globalChance").asDouble()).isEqualTo(expected.get(k).globalChance());
            assertThat(t.get("warmRestarts").asDouble()).isEqualTo(expected.get(k).warmRestarts());
        }
    }

    @Test
    void whatWasNotComputedOrOnlyFailedIsNull() throws Exception {
        // The saddle has no minimum, every start leaves its box, and two cycles of 60 000 steps are
        // more than one race holds.
        HttpResponse<String> answer = get("/api/restarts?surface=saddle&steps=60000&run=sgd&n=2");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode second = json.readTree(answer.body()).get("tries").get(1);
        assertThat(second.get("warmRestarts").isNull()).isTrue();
        assertThat(second.get("globalChance").isNull()).isTrue();
        assertThat(second.get("randomStarts").isNull()).isTrue();
    }

    static Stream<Arguments> badRequests() {
        String scene = "surface=himmelblau&run=sgd";
        return Stream.of(
                Arguments.of(scene, "grid", "grid=<n> is needed"),
                Arguments.of(scene + "&grid=", "grid", "must be a number"),
                Arguments.of(scene + "&grid=ten", "grid", "must be a number"),
                Arguments.of(scene + "&grid=2.5", "grid", "whole numbers 1 to 300"),
                Arguments.of(scene + "&grid=0", "grid", "whole numbers 1 to 300"),
                Arguments.of(scene + "&grid=301", "grid", "whole numbers 1 to 300"),
                Arguments.of(scene + "&grid=NaN", "grid", "grid"),
                Arguments.of(scene + "&grid=10&grid=20", "grid", "given 2 times"),
                Arguments.of("surface=himmelblau&grid=10", "run", "this query has 0"),
                Arguments.of(scene + "&run=adam&grid=10", "run", "this query has 2"),
                Arguments.of("surface=nowhere&run=sgd&grid=10", "surface", "unknown surface"),
                Arguments.of("surface=himmelblau&steps=0&run=sgd&grid=10", "steps", "whole numbers 1 to 100000"),
                Arguments.of("surface=himmelblau&run=sgd:lr=-1&grid=10", "run[0].lr", "lr"),
                Arguments.of("surface=himmelblau&run=lion&grid=10", "run[0]", "lion"),
                Arguments.of("/api/restarts?" + scene, "n", "n=<n> is needed"),
                Arguments.of("/api/restarts?" + scene + "&n=201", "n", "whole numbers 1 to 200"),
                Arguments.of("/api/restarts?" + scene + "&n=3&n=4", "n", "given 2 times"),
                Arguments.of("/api/restarts?surface=himmelblau&n=3", "run", "restarts are computed for one run"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("badRequests")
    void badRequestsAnswer400NamingTheParameter(String query, String parameter, String fragment) throws Exception {
        assertThat(badRequest(query.startsWith("/api/") ? query : "/api/basins?" + query, parameter)).as(query).contains(fragment);
    }

}
