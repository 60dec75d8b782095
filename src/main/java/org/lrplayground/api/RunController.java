package org.lrplayground.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.run.RunSpec;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The run API: the same query string as the playground's address bar, answered with every point of
 * every run as JSON or CSV. The query is parsed before anything is written, so bad input gets a
 * 400 (see {@link ApiErrors}); the runs are then computed one by one while the answer streams out.
 */
@RestController
public class RunController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final RunService runs;
    private final JsonMapper json;

    public RunController(RunService runs, JsonMapper json) {
        this.runs = runs;
        this.json = json;
    }

    @GetMapping("/api/runs")
    public ResponseEntity<StreamingResponseBody> json(HttpServletRequest request) {
        RunSpec spec = parse(request);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out -> {
            try (JsonGenerator g = json.createGenerator(out)) {
                RunJson writer = new RunJson(g);
                g.writeStartObject();
                g.writeName("spec");
                writer.spec(spec);
                g.writeArrayPropertyStart("runs");
                runs.runEach(spec, writer::run);
                g.writeEndArray();
                g.writeEndObject();
            }
        });
    }

    @GetMapping("/api/runs.csv")
    public ResponseEntity<StreamingResponseBody> csv(HttpServletRequest request) {
        RunSpec spec = parse(request);
        return ResponseEntity.ok().contentType(CSV).body(out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            RunCsv.header(writer);
            runs.runEach(spec, run -> RunCsv.rows(writer, run));
            writer.flush();
        });
    }

    /** The raw query string, so that the run format decodes it (and reports bad percent-encoding). */
    private static RunSpec parse(HttpServletRequest request) {
        String query = request.getQueryString();
        return RunFormat.parse(query == null ? "" : query);
    }
}
