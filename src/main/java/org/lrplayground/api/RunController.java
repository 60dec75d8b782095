package org.lrplayground.api;

import org.lrplayground.race.RunService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lrplayground.engine.format.FormatException;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.param.Param;
import org.lrplayground.link.PageLink;
import org.lrplayground.engine.param.ValueException;
import org.lrplayground.engine.run.RunSpec;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The run API: the same query string as the playground's address bar, answered with every point of
 * every run as JSON or CSV.
 *
 * <p>The query is parsed before anything is written, so bad input still gets a clean 400 from
 * {@link ApiErrors}. The answer is then written straight to the response while {@link RunService}
 * computes the runs one by one: 12 runs × 100 000 steps are about 75 MB that never sit in memory.
 * It is written in the request's own thread rather than as an asynchronous
 * {@code StreamingResponseBody}, whose request timeout (30 s by default) would cut a slow client's
 * download short.
 */
@RestController
public class RunController {

    static final String CSV = "text/csv;charset=UTF-8";

    private final RunService runs;
    private final JsonMapper json;

    public RunController(RunService runs, JsonMapper json) {
        this.runs = runs;
        this.json = json;
    }

    /** The JSON-only key naming a run whose optimizer state goes into its points; may be repeated. */
    static final String STATE = "state";

    @GetMapping("/api/runs")
    public void json(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, List<String>> params = RunFormat.decode(query(request));
        List<String> stateTexts = params.remove(STATE);
        RunSpec spec = PageLink.spec(params);
        Set<Integer> stateOf = stateOf(stateTexts == null ? List.of() : stateTexts, spec);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        // Closed only when whole: closing on a refusal (the budget's 400 or 503, which come before the
        // first run) would end the JSON and send it as an answer instead of leaving the error's.
        JsonGenerator g = json.createGenerator(response.getOutputStream());
        RunJson writer = new RunJson(g);
        g.writeStartObject();
        g.writeName("spec");
        writer.spec(spec);
        g.writeArrayPropertyStart("runs");
        runs.runEach(spec, stateOf, writer::run);
        g.writeEndArray();
        g.writeEndObject();
        g.close();
    }

    @GetMapping("/api/runs.csv")
    public void csv(HttpServletRequest request, HttpServletResponse response) throws IOException {
        RunSpec spec = PageLink.spec(query(request));
        response.setContentType(CSV);
        // The stream rather than getWriter(), which would leave an error answer no stream to write to;
        // closed only when whole, as the JSON is.
        Writer writer = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
        RunCsv.header(writer);
        runs.runEach(spec, Set.of(), run -> RunCsv.rows(writer, run));
        writer.close();
    }

    /** Any other address under /api answers JSON too, rather than the playground's not-found page. */
    @GetMapping("/api/**")
    public ResponseEntity<ApiErrors.ApiError> unknown(HttpServletRequest request) {
        return ApiErrors.answer(request, HttpStatus.NOT_FOUND, "there is nothing at " + request.getRequestURI()
                + " (accepted: GET /api/runs?<query> for JSON, GET /api/runs.csv?<query> for CSV,"
                + " GET /api/basins?<query>&grid=<n> for the basins of one run, GET /api/tune?<query>[&grid=<n>]"
                + " for a tuning of every run, and the class API:"
                + " POST /api/classes, POST /api/classes/<code>/students, POST /api/classes/<code>/handins,"
                + " GET /api/classes/<code>, GET /api/classes/<code>/handins.csv)", null);
    }

    /** The raw query string, so that the run format decodes it (and reports bad percent-encoding). */
    private static String query(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? "" : query;
    }

    /** The runs named by {@code state=}: each a whole number from 0 to the last run's index. */
    private static Set<Integer> stateOf(List<String> texts, RunSpec spec) {
        Param run = Param.integer(STATE, 0, 0, spec.runs().size() - 1, "a run whose optimizer state to add");
        Set<Integer> out = new LinkedHashSet<>();
        for (String text : texts) {
            try {
                out.add((int) run.parse(text));
            } catch (ValueException e) {
                throw new FormatException(STATE, e.problem(), e.accepted());
            }
        }
        return out;
    }
}
