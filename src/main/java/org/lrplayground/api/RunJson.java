package org.lrplayground.api;

import org.lrplayground.race.RunService;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.param.Method;
import org.lrplayground.engine.param.Param;
import org.lrplayground.engine.param.Values;
import org.lrplayground.engine.run.Choice;
import org.lrplayground.engine.run.RunConfig;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.engine.run.Trajectory;
import org.lrplayground.engine.surface.Box;
import org.lrplayground.engine.surface.Minimum;
import org.lrplayground.engine.surface.Point;
import org.lrplayground.engine.surface.Surfaces;
import tools.jackson.core.JsonGenerator;

/**
 * The JSON of {@code /api/runs}, written straight to a generator so that long runs stream out
 * instead of being built in memory. Every number that is not finite (the lr and η at t = 0, the distance
 * on a surface without minima) is written as {@code null}. The shape:
 *
 * <pre>
 * {"spec": {"query": "&lt;normalised run format&gt;",
 *           "surface": {"id", "name", "formula", "params": {…}},
 *           "box": {"xmin", "xmax", "ymin", "ymax"}, "start": {"x", "y"},
 *           "steps", "noise", "seed", "batch", "fStar", "minima": [{"x", "y", "value"}],
 *           "runs": [{"optimizer": {"id", "name", "params": {…}}, "schedule": {"id", "name", "params": {…}}}]},
 *  "runs": [{"index", "label", "status": {"kind", "step", "reason"}, "finalLoss", "distanceToMinimum",
 *            "points": {"x": [t = 0 … n], "y", "loss", "grad_x", "grad_y", "lr_x", "lr_y", "eta"}}]}
 * </pre>
 * The run a request names with {@code state=} also has its optimizer's state in its points, one
 * series per {@link Trajectory#stateNames} column (Adam: m_x, m_y, v_x, v_y).
 * Parameters keep their declared kind: booleans are true/false, integers have no fraction.
 */
final class RunJson {

    private final JsonGenerator g;

    RunJson(JsonGenerator g) {
        this.g = g;
    }

    /** The normalised spec: its query string and the same content as a structure. */
    void spec(RunSpec spec) {
        g.writeStartObject();
        g.writeStringProperty("query", RunFormat.format(spec));
        g.writeName("surface");
        g.writeStartObject();
        g.writeStringProperty("id", spec.surface().id());
        g.writeStringProperty("name", spec.surface().name());
        g.writeStringProperty("formula", spec.surface().formula());
        g.writeName("params");
        values(spec.surfaceValues(), Surfaces.byId(spec.surface().id()).map(Method::params).orElse(List.of()));
        g.writeEndObject();
        Box b = spec.box();
        g.writeName("box");
        g.writeStartObject();
        number("xmin", b.xMin());
        number("xmax", b.xMax());
        number("ymin", b.yMin());
        number("ymax", b.yMax());
        g.writeEndObject();
        g.writeName("start");
        point(spec.start().x(), spec.start().y());
        g.writeNumberProperty("steps", spec.steps());
        number("noise", spec.noise());
        g.writeNumberProperty("seed", spec.seed());
        g.writeNumberProperty("batch", spec.batch());
        number("fStar", spec.surface().fStar(spec.box()));
        g.writeArrayPropertyStart("minima");
        for (Minimum m : spec.surface().minima()) {
            g.writeStartObject();
            number("x", m.at().x());
            number("y", m.at().y());
            number("value", m.value());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("runs");
        for (RunConfig run : spec.runs()) {
            g.writeStartObject();
            g.writeName("optimizer");
            choice(run.optimizer());
            g.writeName("schedule");
            choice(run.schedule());
            g.writeName("start"); // the run's θ₀, its own or the spec's
            Point start = spec.startOf(run);
            point(start.x(), start.y());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** One finished run: label, status, summary numbers and the points t = 0 … n as parallel arrays. */
    void run(RunService.FinishedRun run) {
        Trajectory t = run.trajectory();
        g.writeStartObject();
        g.writeNumberProperty("index", run.index());
        g.writeStringProperty("label", run.config().label());
        g.writeName("status");
        g.writeStartObject();
        g.writeStringProperty("kind", run.status().kind().id());
        g.writeNumberProperty("step", run.status().step());
        g.writeStringProperty("reason", run.status().reason());
        g.writeEndObject();
        number("finalLoss", run.finalLoss());
        number("distanceToMinimum", run.distanceToMinimum());
        g.writeName("points");
        g.writeStartObject();
        series("x", t, t::x);
        series("y", t, t::y);
        series("loss", t, t::loss);
        series("grad_x", t, t::gradX);
        series("grad_y", t, t::gradY);
        series("lr_x", t, t::lrX);
        series("lr_y", t, t::lrY);
        series("eta", t, t::eta);
        for (int k = 0; k < t.stateNames().size(); k++) {
            int column = k;
            series(t.stateNames().get(k), t, i -> t.state(column, i));
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private void choice(Choice<?> choice) {
        Method<?> method = choice.method();
        g.writeStartObject();
        g.writeStringProperty("id", method.id());
        g.writeStringProperty("name", method.name());
        g.writeName("params");
        values(choice.values(), method.params());
        g.writeEndObject();
    }

    /** A method's values by name, typed by their declared kind (booleans as true/false). */
    private void values(Values values, List<Param> params) {
        g.writeStartObject();
        for (Param p : params) {
            double v = values.get(p);
            switch (p.kind()) {
                case BOOLEAN -> g.writeBooleanProperty(p.name(), v != 0);
                case INTEGER -> g.writeNumberProperty(p.name(), (long) v);
                case REAL -> number(p.name(), v);
            }
        }
        g.writeEndObject();
    }

    private void series(String name, Trajectory t, IntToDoubleFunction value) {
        g.writeArrayPropertyStart(name);
        for (int i = 0; i < t.size(); i++) {
            number(value.applyAsDouble(i));
        }
        g.writeEndArray();
    }

    private void point(double x, double y) {
        g.writeStartObject();
        number("x", x);
        number("y", y);
        g.writeEndObject();
    }

    private void number(String name, double value) {
        g.writeName(name);
        number(value);
    }

    private void number(double value) {
        number(g, value);
    }

    /** The API's one way to write a number: null when it is not finite (JSON has no NaN or infinity). */
    static void number(JsonGenerator g, double value) {
        if (Double.isFinite(value)) {
            g.writeNumber(value);
        } else {
            g.writeNull();
        }
    }
}
