package org.lrplayground.engine.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lrplayground.engine.optim.Optimizer;
import org.lrplayground.engine.param.Numbers;
import org.lrplayground.engine.param.Param;
import org.lrplayground.engine.param.Values;
import org.lrplayground.engine.schedule.Schedule;
import org.lrplayground.engine.surface.Point;

/**
 * One optimizer run of a {@link RunSpec}: the optimizer, its learning-rate schedule and, when it
 * has one of its own, its start point.
 *
 * @param start θ₀ of this run, or null for the spec's start (see {@link RunSpec#startOf})
 */
public record RunConfig(Choice<Optimizer> optimizer, Choice<Schedule> schedule, Point start) {

    public RunConfig {
        if (start != null && !(Double.isFinite(start.x()) && Double.isFinite(start.y()))) {
            throw new IllegalArgumentException("a run's start must be a finite point (got " + start + ")");
        }
    }

    /**
     * The same run with one of its optimizer's values replaced (the lr a tuning or a stability
     * search tries); the schedule's values stay as they are, even those whose defaults follow the lr.
     *
     * @throws org.lrplayground.engine.param.ValueException when the optimizer has no such key or rejects the value
     */
    public RunConfig withOptimizerValue(String name, double value) {
        Map<String, Double> given = new HashMap<>(optimizer.values().byName());
        given.put(name, value);
        Values values = Values.of(optimizer.method().params(), given, optimizer.values().context());
        return new RunConfig(Choice.of(optimizer.method(), values), schedule, start);
    }

    /**
     * A short label such as "Adam lr=0.05", "Adagrad lr=0.5 · cosine" or "SGD lr=0.01 from (1, -1)": the
     * method, its lr, the parameters that differ from their defaults and the run's own start.
     */
    public String label() {
        List<String> parts = new ArrayList<>();
        parts.add(optimizer.method().name());
        parts.addAll(changed(optimizer.values(), optimizer.method().params(), true));
        if (!schedule.method().id().equals("constant")) {
            parts.add("· " + schedule.method().id());
            parts.addAll(changed(schedule.values(), schedule.method().params(), false));
        }
        if (start != null) {
            parts.add("from (" + Numbers.format(start.x()) + ", " + Numbers.format(start.y()) + ")");
        }
        return String.join(" ", parts);
    }

    private static List<String> changed(Values values, List<Param> params, boolean alwaysLr) {
        List<String> out = new ArrayList<>();
        for (Param p : params) {
            double v = values.get(p);
            if ((alwaysLr && p.name().equals("lr")) || v != p.defaultValue(values.context())) {
                out.add(p.name() + "=" + (p.kind() == Param.Kind.REAL ? Numbers.format(v) : p.format(v)));
            }
        }
        return out;
    }
}
