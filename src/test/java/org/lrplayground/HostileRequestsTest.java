package org.lrplayground;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lrplayground.classroom.Challenge;
import org.lrplayground.classroom.Change;
import org.lrplayground.classroom.ClassState;
import org.lrplayground.classroom.ClassroomService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hostile table: requests a stranger, a careless client or an attacker might send to the API,
 * kept as data in {@code hostile-requests.txt}, each with the answer it must get. Whatever is sent,
 * no answer is a 500, and every refusal is JSON naming what was wrong, without a stack trace.
 *
 * <p>The classes the rows refer to ({@code {open}}, {@code {paused}}, …) are made once, through the
 * service, in the states the rows need; unknown codes are not limited here (the limit has tests of
 * its own), so that the rows that try them do not refuse the ones after them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lrp.classroom.unknown-codes-per-minute=100000", "lrp.classroom.classes-per-hour=100000"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileRequestsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)(?::(\\d+))?}");
    private static final String SCENE = "surface=booth&steps=200&run=sgd:lr=0.01";

    @LocalServerPort
    int port;
    @Autowired
    ClassroomService classes;

    /** What the placeholders of the table stand for: codes, keys and tokens of the classes made below. */
    private final Map<String, String> values = new HashMap<>();

    /**
     * One row: what is sent and what must come back.
     *
     * @param error     a piece of the answer's {@code error}, or "-" for an answer that is no refusal
     * @param parameter the answer's {@code parameter}, or "-" for none
     */
    record Row(int line, String what, String method, String path, List<String> headers, String body, int status,
               String error, String parameter) {
        @Override
        public String toString() {
            return line + ": " + what;
        }
    }

    @BeforeAll
    void classes() {
        Map<String, ClassState> states = Map.of("open", ClassState.OPEN, "paused", ClassState.PAUSED,
                "closed", ClassState.CLOSED, "locked", ClassState.OPEN, "fixed", ClassState.OPEN, "other", ClassState.OPEN);
        states.forEach((name, state) -> {
            ClassroomService.NewClass c = classes.create(SCENE, Challenge.LOWEST,
                    name.equals("fixed") ? EnumSet.noneOf(Change.class) : EnumSet.allOf(Change.class), "setup");
            values.put(name, c.code());
            values.put(name + "Key", c.teacherKey());
            values.put(name + "Token", classes.join(c.code(), "taken", "setup").token());
            if (name.equals("locked")) {
                classes.setLocked(c.code(), c.teacherKey(), true);
            }
            if (state != ClassState.OPEN) {
                classes.setState(c.code(), c.teacherKey(), state);
            }
        });
    }

    static Stream<Row> rows() throws IOException {
        try (InputStream in = HostileRequestsTest.class.getResourceAsStream("/hostile-requests.txt")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            Stream.Builder<Row> rows = Stream.builder();
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split(" \\| ", -1);
                if (cells.length != 7) {
                    throw new IllegalStateException("hostile-requests.txt:" + (i + 1) + " has " + cells.length
                            + " cells, not 7: " + line);
                }
                String[] request = cells[1].strip().split(" ", 2);
                List<String> headers = cells[2].isBlank() ? List.of() : Stream.of(cells[2].split(" ; "))
                        .flatMap(h -> Stream.of(h.split(": ", 2))).map(String::strip).toList();
                rows.add(new Row(i + 1, cells[0].strip(), request[0], request[1], headers, cells[3].strip(),
                        Integer.parseInt(cells[4].strip()), cells[5].strip(), cells[6].strip()));
            }
            return rows.build();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void everyHostileRequestGetsItsAnswerAndNoneIsA500(Row row) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + fill(row.path())));
        List<String> headers = row.headers().stream().map(this::fill).toList();
        boolean typed = headers.stream().anyMatch(h -> h.equalsIgnoreCase("Content-Type"));
        if (!typed && !row.method().equals("GET")) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        if (!headers.isEmpty()) {
            request.headers(headers.toArray(String[]::new));
        }
        String body = fill(row.body());
        request.method(row.method(), row.method().equals("GET") ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.ISO_8859_1)));
        HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isNotEqualTo(500).isEqualTo(row.status());
        if (row.error().equals("-")) {
            return;
        }
        assertThat(answer.headers().firstValue("Content-Type")).as("a refusal is JSON")
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode error = JSON.readTree(answer.body());
        assertThat(error.get("error").asString()).contains(row.error()).doesNotContain("Exception", "\tat ");
        JsonNode parameter = error.get("parameter");
        assertThat(parameter == null || parameter.isNull() ? "-" : parameter.asString()).isEqualTo(row.parameter());
    }

    /**
     * The row's text with its placeholders replaced: a class's code, key or token by name
     * ({@code {open}}, {@code {openKey}}, {@code {lockedToken}}), or {@code {a:N}} for N letters a.
     * Bodies are sent as Latin-1 bytes, so that {@code \xFF} style bytes can be written as such.
     */
    private String fill(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = m.group(2) != null ? m.group(1).repeat(Integer.parseInt(m.group(2))) : values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for " + m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }
}
