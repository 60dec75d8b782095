package org.lrplayground.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lrplayground.LocalHttp;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The class API over real HTTP, as behind a proxy on this machine: the test trusts loopback's
 * X-Forwarded-For, and each test comes from an address of its own there, so that unknown-code
 * limits of one do not reach another.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "lrp.trusted-proxies=127.0.0.1,::1")
class ClassroomHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @LocalServerPort
    private int port;

    private String address;
    private JsonNode created;
    private String code;
    private String key;

    @BeforeEach
    void aClass() throws Exception {
        address = "198.51.100." + ADDRESSES.incrementAndGet();
        HttpResponse<String> answer = post("/api/classes", "scene=" + encode("surface=booth&steps=300&run=sgd:lr=0.01")
                + "&challenge=lowest");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        created = JSON.readTree(answer.body());
        code = created.get("code").asString();
        key = created.get("teacherKey").asString();
    }

    @Test
    void aTeacherMakesAClassStudentsJoinAndHandInAndTheBoardShowsThem() throws Exception {
        assertThat(created.get("joinUrl").asString()).isEqualTo("http://localhost:" + port + "/join/" + code);
        assertThat(created.get("boardUrl").asString()).isEqualTo("http://localhost:" + port + "/board/" + code + "#key=" + key);

        HttpResponse<String> joined = post("/api/classes/" + code + "/students", "name=Ada");
        assertThat(joined.statusCode()).isEqualTo(201);
        String token = JSON.readTree(joined.body()).get("token").asString();
        HttpResponse<String> handedIn = post("/api/classes/" + code + "/handins",
                "run=" + encode("sgd:lr=0.05") + "&run=" + encode("adam:lr=0.1"), "Authorization", "Bearer " + token);
        assertThat(handedIn.statusCode()).as(handedIn.body()).isEqualTo(201);
        JsonNode runs = JSON.readTree(handedIn.body()).get("runs");
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).get("label").asString()).isEqualTo("SGD lr=0.05");
        assertThat(runs.get(0).get("status").get("kind").asString()).isIn("converged", "max-steps");
        assertThat(runs.get(0).get("finalLoss").isNumber()).isTrue();
        assertThat(runs.get(0).get("distanceToMinimum").isNumber()).isTrue();
        assertThat(runs.get(0).get("metric").asDouble()).isEqualTo(runs.get(0).get("finalLoss").asDouble());
        assertThat(runs.get(0).get("rank").asInt()).isEqualTo(1);

        HttpResponse<String> oneWithCommas = post("/api/classes/" + code + "/handins",
                "run=" + encode("adam:lr=0.05,beta1=0.8") + "&sceneVersion=1", "Authorization", "Bearer " + token);
        assertThat(oneWithCommas.statusCode()).as(oneWithCommas.body()).isEqualTo(201);
        assertThat(JSON.readTree(oneWithCommas.body()).get("runs")).singleElement()
                .satisfies(r -> assertThat(r.get("run").asString()).contains("lr=0.05", "beta1=0.8"));

        HttpResponse<String> board = LocalHttp.get(port, "/api/classes/" + code.toLowerCase(), "Authorization", "Bearer " + key,
                "X-Forwarded-For", address);
        assertThat(board.statusCode()).isEqualTo(200);
        JsonNode b = JSON.readTree(board.body());
        assertThat(b.get("challenge").asString()).isEqualTo("lowest");
        assertThat(b.get("state").asString()).isEqualTo("open");
        assertThat(b.get("scene").asString()).startsWith("surface=booth&");
        assertThat(b.get("students").get(0).get("name").asString()).isEqualTo("Ada");
        assertThat(b.get("students").get(0).get("handins").get(0).get("runs")).hasSize(2);
        assertThat(b.get("leaderboard").get(0).get("name").asString()).isEqualTo("Ada");
        assertThat(b.toString()).doesNotContain("tokenHash", "teacherKey");

        HttpResponse<String> csv = LocalHttp.get(port, "/api/classes/" + code + "/handins.csv", "Authorization", "Bearer " + key,
                "X-Forwarded-For", address);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body().split("\r\n")).as("a header and three runs").hasSize(4).startsWith(ClassroomCsv.HEADER);
    }

    @Test
    void aHundredStudentsJoinFromOneSchoolAddressWithinAMinute() throws Exception {
        for (int i = 0; i < 100; i++) {
            HttpResponse<String> answer = post("/api/classes/" + code + "/students", "name=student" + i);
            assertThat(answer.statusCode()).as("join %d: %s", i, answer.body()).isEqualTo(201);
        }
    }

    @Test
    void anAddressTryingUnknownCodesIsStoppedWhateverCodeItTriesNext() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            statuses.add(post("/api/classes/ZZZZZZ/students", "name=x").statusCode());
        }
        HttpResponse<String> limited = post("/api/classes/" + code + "/students", "name=x");

        assertThat(statuses).containsOnly(404);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Integer.parseInt(s)).isPositive());
        assertThat(JSON.readTree(limited.body()).get("error").asString()).contains("unknown class codes");
    }

    @Test
    void behindATrustedProxyTheRightMostAddressThatIsNoProxyIsCountedAndTheSchemeTaken() throws Exception {
        String client = address;
        for (int i = 0; i < 10; i++) {
            LocalHttp.post(port, "/api/classes/ZZZZZZ/students", "name=x", "X-Forwarded-For", "192.0.2." + i + ", " + client);
        }
        HttpResponse<String> prober = LocalHttp.post(port, "/api/classes/ZZZZZZ/students", "name=x", "X-Forwarded-For", client);
        HttpResponse<String> https = post("/api/classes", "scene=run%3Dsgd", "X-Forwarded-Proto", "https");
        address = "198.51.100." + ADDRESSES.incrementAndGet();

        assertThat(prober.statusCode()).as("what the client wrote left of its address is not counted").isEqualTo(429);
        assertThat(post("/api/classes/ZZZZZZ/students", "name=x").statusCode()).as("another client").isEqualTo(404);
        assertThat(JSON.readTree(https.body()).get("joinUrl").asString()).startsWith("https://localhost/join/");
    }

    /** One bad request: what is sent, the status it gets and a piece of its error. */
    record Bad(String what, String method, String path, String body, String authorization, int status, String error,
               String parameter) {
        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                new Bad("no scene", "POST", "/api/classes", "challenge=lowest", null, 400, "needs a scene", "scene"),
                new Bad("a bad scene", "POST", "/api/classes", "scene=" + encode("run=adam:lr=-1"), null, 400, "lr", "scene.run[0].lr"),
                new Bad("an unknown challenge", "POST", "/api/classes", "scene=run%3Dsgd&challenge=longest", null, 400,
                        "unknown challenge 'longest' (accepted: none, closest, fastest, lowest)", "challenge"),
                new Bad("an unknown change", "POST", "/api/classes", "scene=run%3Dsgd&allow=colour", null, 400,
                        "unknown change 'colour'", "allow"),
                new Bad("joining an unknown class", "POST", "/api/classes/QQQQQQ/students", "name=Ada", null, 404, "no class", null),
                new Bad("no nickname", "POST", "/api/classes/{code}/students", "", null, 400, "1 to 24 characters", "name"),
                new Bad("a nickname with a line break", "POST", "/api/classes/{code}/students", "name=a%0Ab", null, 400,
                        "cannot hold U+000A, a control character", "name"),
                new Bad("a taken nickname", "POST", "/api/classes/{code}/students", "name=TAKEN", null, 409, "already called", "name"),
                new Bad("a hand-in without a token", "POST", "/api/classes/{code}/handins", "run=sgd", null, 401, "join the class", null),
                new Bad("a hand-in with a wrong token", "POST", "/api/classes/{code}/handins", "run=sgd", "Bearer nonsense", 403,
                        "not one of class", null),
                new Bad("a hand-in without runs", "POST", "/api/classes/{code}/handins", "", "{token}", 400, "1 to 12 runs", "run"),
                new Bad("a bad run", "POST", "/api/classes/{code}/handins", "run=" + encode("sgd:lr=abc"), "{token}", 400, "lr",
                        "run[0].lr"),
                new Bad("an unknown optimizer", "POST", "/api/classes/{code}/handins", "run=sgd&run=lion", "{token}", 400,
                        "lion", "run[1]"),
                new Bad("a board without a key", "GET", "/api/classes/{code}", null, null, 401, "teacher key", null),
                new Bad("a board with a student's token", "GET", "/api/classes/{code}", null, "{token}", 403, "not the teacher key", null),
                new Bad("a board of no class", "GET", "/api/classes/QQQQQQ", null, "{key}", 404, "no class", null),
                new Bad("a malformed code", "GET", "/api/classes/%3Cscript%3E", null, "{key}", 404, "no class", null),
                new Bad("a scene version that is no number", "POST", "/api/classes/{code}/handins", "run=sgd&sceneVersion=two", "{token}", 400,
                        "no whole number", "sceneVersion"),
                new Bad("a hand-in on a scene the class has left", "POST", "/api/classes/{code}/handins", "run=sgd&sceneVersion=7", "{token}", 409,
                        "made on scene 7", "sceneVersion"),
                new Bad("a CSV without a key", "GET", "/api/classes/{code}/handins.csv", null, null, 401, "teacher key", null),
                new Bad("a method the address does not take", "DELETE", "/api/classes/{code}", "", "{key}", 405,
                        "DELETE is not accepted here (accepted: GET)", null),
                new Bad("a board asked of the class list", "GET", "/api/classes", null, null, 404, "POST /api/classes", null)
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badRequestsGetTheirStatusAndAnErrorThatSaysWhy(Bad bad) throws Exception {
        HttpResponse<String> student = post("/api/classes/" + code + "/students", "name=taken");
        String token = JSON.readTree(student.body()).get("token").asString();
        String path = bad.path().replace("{code}", code);
        List<String> headers = new ArrayList<>(List.of("X-Forwarded-For", address));
        if (bad.authorization() != null) {
            headers.addAll(List.of("Authorization", bad.authorization().replace("{token}", "Bearer " + token)
                    .replace("{key}", "Bearer " + key)));
        }
        HttpResponse<String> answer = send(bad.method(), path, bad.body(), headers.toArray(String[]::new));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(bad.status());
        JsonNode error = JSON.readTree(answer.body());
        assertThat(error.get("error").asString()).contains(bad.error()).doesNotContain("Exception", "\tat ");
        assertThat(error.get("parameter").isNull() ? null : error.get("parameter").asString()).isEqualTo(bad.parameter());
        if (bad.status() == 401) {
            assertThat(answer.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        }
    }

    private HttpResponse<String> post(String path, String form, String... headers) throws Exception {
        List<String> all = new ArrayList<>(List.of("X-Forwarded-For", address));
        all.addAll(List.of(headers));
        return LocalHttp.post(port, path, form, all.toArray(String[]::new));
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        return method.equals("GET") ? LocalHttp.get(port, path, headers) : LocalHttp.send(port, method, path, body, headers);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
