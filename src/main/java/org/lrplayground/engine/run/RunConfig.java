package org.lrplayground.engine.run;

import java.util.ArrayList;
import java.util.List;
import org.lrplayground.engine.optim.Optimizer;
import org.lrplayground.engine.param.Numbers;
import org.lrplayground.engine.param.Param;
import org.lrplayground.engine.param.Values;
import org.lrplayground.engine.schedule.Schedule;

/** One optimizer run of a {@link RunSpec}: the optimizer and its learning-rate schedule. */
public record RunConfig(Choice<Optimizer> optimizer, Choice<Schedule> schedule) {

    /**
     * A short label such as "Adam lr=0.05" or "Adagrad lr=0.5 · cosine": the method, its lr and the
     * parameters that differ from their defaults.
     */
    public String label() {
        List<String> parts = new ArrayList<>();
        parts.add(optimizer.method().name());
        parts.addAll(changed(optimizer.values(), optimizer.method().params(), true));
        if (!schedule.method().id().equals("constant")) {
            parts.add("· " + schedule.method().id());
            parts.addAll(changed(schedule.values(), schedule.method().params(), false));
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
