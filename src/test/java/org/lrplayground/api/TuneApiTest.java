package org.lrplayground.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lrplayground.engine.analysis.Tuning;
import org.lrplayground.engine.format.RunFormat;
import tools.jackson.databind.JsonNode;

/** The tuning API over real HTTP: the engine's numbers run by run, null for +∞, and a 400 for every kind of bad request. */
class TuneApiTest extends OverHttp {

    @Test
    void answersEachRunsSweepWithNullForTheRatesThatDiverged() throws Exception {
        String scene = "surface=ravine&kappa=50&run=sgd&run=momentum:lr=0.001";

        HttpResponse<String> answer = get("/api/tune?" + scene + "&grid=13");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(answer.body()).doesNotContain("NaN").doesNotContain("Infinity");
        JsonNode body = json.readTree(answer.body());
        assertThat(body.get("target").asString()).isEqualTo("tail");
        assertThat(body.get("steps").asInt()).isEqualTo(500);
        assertThat(body.get("tail").asInt()).isEqualTo(50);
        assertThat(body.get("starts").asInt()).isEqualTo(4);
        List<Tuning.Tuned> expected = Tuning.of(RunFormat.parse(scene), new Tuning.Settings(13, 4, Tuning.Target.TAIL, null));
        assertThat(body.get("runs")).hasSize(2);
        for (int r = 0; r < 2; r++) {
            JsonNode run = body.get("runs").get(r);
            Tuning.Sweep e = expected.get(r).lr();
            assertThat(run.get("index").asInt()).isEqualTo(r);
            assertThat(run.get("label").asString()).isEqualTo(expected.get(r).label());
            assertThat(run.get("parameter").asString()).isEqualTo("lr");
            assertThat(run.get("best").asDouble()).isEqualTo(e.best());
            assertThat(run.has("also")).isFalse();
            assertThat(run.get("values")).hasSize(13);
            for (int k = 0; k < 13; k++) {
                assertThat(run.get("values").get(k).asDouble()).isEqualTo(e.values()[k]);
                JsonNode score = run.get("scores").get(k);
                if (Double.isInfinite(e.scores()[k])) {
                    assertThat(score.isNull()).isTrue();
                } else {
                    assertThat(score.asDouble()).isEqualTo(e.scores()[k]);
                }
            }
        }
        // SGD, two rates per decade: 0.0316 is the grid's largest rate below 2/κ = 0.04, and 0.1 diverges.
        assertThat(body.get("runs").get(0).get("best").asDouble()).isEqualTo(0.0316);
        assertThat(body.get("runs").get(0).get("scores").get(8).isNull()).isTrue();
    }

    @Test
    void alsoSweepsAnotherKeyWhereTheRunHasIt() throws Exception {
        HttpResponse<String> answer = get("/api/tune?surface=ravine&steps=100&run=sgd&run=momentum:lr=0.001&grid=3&starts=1&also=momentum");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode runs = json.readTree(answer.body()).get("runs");
        assertThat(runs.get(0).has("also")).as("SGD has no momentum").isFalse();
        JsonNode also = runs.get(1).get("also");
        assertThat(also.get("parameter").asString()).isEqualTo("momentum");
        assertThat(also.get("values")).extracting(JsonNode::asDouble).containsExactly(0.5, 0.9293, 0.99);
        assertThat(also.get("best").isNumber()).isTrue();
    }

    @Test
    void aRunThatFailsEverywhereHasANullBest() throws Exception {
        HttpResponse<String> answer = get("/api/tune?surface=custom&f=1e9*(x%5E2%2By%5E2)&steps=50&run=sgd&grid=3&starts=1");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode run = json.readTree(answer.body()).get("runs").get(0);
        assertThat(run.get("best").isNull()).isTrue();
        assertThat(run.get("scores")).allSatisfy(s -> assertThat(s.isNull()).isTrue());
    }

    static Stream<Arguments> badRequests() {
        String scene = "surface=ravine&run=sgd";
        return Stream.of(
                Arguments.of(scene + "&grid=", "grid", "must be a number"),
                Arguments.of(scene + "&grid=ten", "grid", "must be a number"),
                Arguments.of(scene + "&grid=2", "grid", "whole numbers 3 to 41"),
                Arguments.of(scene + "&grid=42", "grid", "whole numbers 3 to 41"),
                Arguments.of(scene + "&grid=20.5", "grid", "whole numbers 3 to 41"),
                Arguments.of(scene + "&grid=10&grid=20", "grid", "given 2 times"),
                Arguments.of(scene + "&starts=0", "starts", "whole numbers 1 to 16"),
                Arguments.of(scene + "&starts=17", "starts", "whole numbers 1 to 16"),
                Arguments.of(scene + "&target=best", "target", "tail, final, steps"),
                Arguments.of(scene + "&target=tail&target=final", "target", "given 2 times"),
                Arguments.of(scene + "&also=momentum", "also", "no run of this scene has a key to sweep"),
                Arguments.of("surface=ravine&run=momentum&also=beta1", "also", "momentum"),
                Arguments.of("surface=ravine&run=momentum&also=nesterov", "also", "also = nesterov is not accepted"),
                Arguments.of("surface=nowhere&run=sgd", "surface", "unknown surface"),
                Arguments.of("surface=ravine&steps=0&run=sgd", "steps", "whole numbers 1 to 100000"),
                Arguments.of("surface=ravine&run=sgd:lr=-1", "run[0].lr", "lr"),
                Arguments.of("surface=ravine&run=sgd&run=lion", "run[1]", "lion"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("badRequests")
    void badRequestsAnswer400NamingTheParameter(String query, String parameter, String fragment) throws Exception {
        assertThat(badRequest("/api/tune?" + query, parameter)).as(query).contains(fragment);
    }

}
