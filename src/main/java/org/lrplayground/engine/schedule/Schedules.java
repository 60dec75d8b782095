package org.lrplayground.engine.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.lrplayground.engine.param.Method;
import org.lrplayground.engine.param.Param;
import org.lrplayground.engine.param.Values;

/**
 * Every schedule the playground offers. Each declares its parameters under PyTorch's names, and
 * every one also accepts {@link #WARMUP}, which puts a {@link Warmup} in front of it.
 * Absolute keys ({@code eta_min}, {@code max_lr}) are in lr units as in PyTorch; factories read the
 * run's lr from {@link Values#context()}.
 */
public final class Schedules {

    private Schedules() {
    }

    public static final Param WARMUP = Param.integer("warmup", 0, 0, 100_000,
            "linear warm-up steps before the schedule (0 = none)");

    static final Param T_MAX = Param.integer("T_max", 1000, 1, 1_000_000, "steps until the rate reaches eta_min")
            .withDefault(c -> c.steps());
    static final Param ETA_MIN = Param.real("eta_min", 0, 0, 100, "the smallest rate, reached at T_max");

    public static final List<Method<Schedule>> ALL = List.of(
            schedule("constant", "Constant", "The rate stays at lr.", List.of(), v -> new Constant()),
            schedule("cosine", "Cosine annealing", "Falls from lr to eta_min along half a cosine over T_max steps.",
                    List.of(T_MAX, ETA_MIN), v -> new Cosine(v.getInt(T_MAX), v.get(ETA_MIN), v.context().lr())));

    public static Optional<Method<Schedule>> byId(String id) {
        return ALL.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** A schedule method whose parameters end with {@link #WARMUP}, applied around what {@code factory} builds. */
    private static Method<Schedule> schedule(String id, String name, String summary, List<Param> params,
                                             Function<Values, Schedule> factory) {
        List<Param> all = new ArrayList<>(params);
        all.add(WARMUP);
        return new Method<>(id, name, summary, all, v -> {
            Schedule s = factory.apply(v);
            int warmup = v.getInt(WARMUP);
            return warmup > 0 ? new Warmup(warmup, s) : s;
        });
    }
}
