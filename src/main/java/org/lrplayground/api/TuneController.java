package org.lrplayground.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.lrplayground.app.Heartbeat;
import org.lrplayground.app.WorkBudget;
import org.lrplayground.engine.analysis.Tuning;
import org.lrplayground.engine.format.FormatException;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.link.PageLink;
import org.lrplayground.playground.TuningService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tuning API: a scene in the run format, each of its runs tuned ({@link Tuning}), with the
 * optional keys {@code grid=} (values per key), {@code starts=}, {@code target=} (tail, final, steps)
 * and {@code also=} (one more key to sweep):
 *
 * <pre>
 * {"target", "description", "steps", "tail", "grid", "starts",
 *  "runs": [{"index", "label", "parameter": "lr", "values": [...], "scores": [...], "best",
 *            "also": {"parameter", "values", "scores", "best"}}]}       ("also" only where it was swept)
 * </pre>
 * A value whose runs diverged or left the box scores +∞, written null, as every number that is not
 * finite; {@code best} is null for a run that failed at every value. The whole query is checked and
 * the work costed before anything is computed, so bad input or a cost above the budget gets a clean
 * 400 from {@link ApiErrors}, a full pool a 503; a dear tuning sends spaces while it computes, as
 * {@link AnalysisController} does.
 */
@RestController
public class TuneController {

    static final String TARGET = "target";
    static final String ALSO = "also";

    private final TuningService tuning;
    private final WorkBudget budget;
    private final JsonMapper json;

    public TuneController(TuningService tuning, WorkBudget budget, JsonMapper json) {
        this.tuning = tuning;
        this.budget = budget;
        this.json = json;
    }

    @GetMapping("/api/tune")
    public void tune(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, List<String>> params = RunFormat.decode(request.getQueryString() == null ? "" : request.getQueryString());
        int grid = QueryKeys.integer(Tuning.GRID, params.remove(Tuning.GRID.name()), false);
        int starts = QueryKeys.integer(Tuning.STARTS, params.remove(Tuning.STARTS.name()), false);
        List<String> targets = Arrays.stream(Tuning.Target.values()).map(Tuning.Target::id).toList();
        Tuning.Target target = Tuning.Target.byId(QueryKeys.choice(TARGET, params.remove(TARGET), targets,
                Tuning.Target.TAIL.id())).orElseThrow();
        List<String> alsoTexts = params.remove(ALSO);
        RunSpec scene = PageLink.spec(params);
        String also = alsoTexts == null ? null : QueryKeys.choice(ALSO, alsoTexts, sweepable(scene), null);
        List<Tuning.Tuned> tuned = budget.await(tuning.tune(scene, new Tuning.Settings(grid, starts, target, also)),
                Heartbeat.clientGone(response));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        try (JsonGenerator g = json.createGenerator(response.getOutputStream())) {
            g.writeStartObject();
            g.writeStringProperty("target", target.id());
            g.writeStringProperty("description", target.description());
            g.writeNumberProperty("steps", scene.steps());
            g.writeNumberProperty("tail", Tuning.tail(scene.steps()));
            g.writeNumberProperty("grid", grid);
            g.writeNumberProperty("starts", starts);
            g.writeArrayPropertyStart("runs");
            for (Tuning.Tuned t : tuned) {
                g.writeStartObject();
                g.writeNumberProperty("index", t.run());
                g.writeStringProperty("label", t.label());
                sweep(g, t.lr());
                if (t.also() != null) {
                    g.writeName(ALSO);
                    g.writeStartObject();
                    sweep(g, t.also());
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** The keys {@code also=} accepts for this scene; a scene without any says so rather than list nothing. */
    private static List<String> sweepable(RunSpec scene) {
        List<String> keys = Tuning.sweepable(scene);
        if (keys.isEmpty()) {
            throw new FormatException(ALSO, "also is not accepted: no run of this scene has a key to sweep besides lr",
                    List.of("no also=, or a run whose optimizer has a momentum, a β or another positive real"));
        }
        return keys;
    }

    private static void sweep(JsonGenerator g, Tuning.Sweep sweep) {
        g.writeStringProperty("parameter", sweep.parameter());
        numbers(g, "values", sweep.values());
        numbers(g, "scores", sweep.scores());
        g.writeName("best");
        RunJson.number(g, sweep.best());
    }

    private static void numbers(JsonGenerator g, String name, double[] values) {
        g.writeArrayPropertyStart(name);
        for (double v : values) {
            RunJson.number(g, v);
        }
        g.writeEndArray();
    }
}
