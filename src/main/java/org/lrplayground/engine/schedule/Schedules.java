package org.lrplayground.engine.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.lrplayground.engine.param.Method;
import org.lrplayground.engine.param.Numbers;
import org.lrplayground.engine.param.Param;
import org.lrplayground.engine.param.Values;

/**
 * Every schedule the playground offers, in the order pickers list them. Each declares its
 * parameters under PyTorch's names, and every one also accepts {@link #WARMUP}, which puts a
 * {@link Warmup} in front of it. Absolute keys ({@code eta_min}, {@code max_lr}, {@code base_lr},
 * {@code min_lr}) are in lr units as in PyTorch; factories read the run's lr from
 * {@link Values#context()} and the schedules turn them into multipliers of it.
 */
public final class Schedules {

    private Schedules() {
    }

    public static final Param WARMUP = Param.integer("warmup", 0, 0, 100_000,
            "linear warm-up steps before the schedule (0 = none)");

    /** The floor of cosine annealing, shared by its variant with restarts. */
    static final Param ETA_MIN = Param.real("eta_min", 0, 0, 100,
            "the smallest rate, reached at the end of each annealing (absolute, at most lr)");

    public static final List<Method<Schedule>> ALL = List.of(
            schedule("constant", "Constant", "The rate stays at lr.", List.of(), v -> new Constant()),
            schedule("step", "Step decay", "Multiplies the rate by gamma every step_size steps.",
                    List.of(StepDecay.STEP_SIZE, StepDecay.GAMMA),
                    v -> new StepDecay(v.getInt(StepDecay.STEP_SIZE), v.get(StepDecay.GAMMA))),
            schedule("exponential", "Exponential decay", "Multiplies the rate by gamma every step.",
                    List.of(Exponential.GAMMA), v -> new Exponential(v.get(Exponential.GAMMA))),
            schedule("inverse-time", "Inverse-time decay", "The rate falls as lr / (1 + decay · t).",
                    List.of(InverseTime.DECAY), v -> new InverseTime(v.get(InverseTime.DECAY))),
            schedule("cosine", "Cosine annealing", "Falls from lr to eta_min along half a cosine over T_max steps.",
                    List.of(Cosine.T_MAX, ETA_MIN),
                    v -> new Cosine(v.getInt(Cosine.T_MAX), v.get(ETA_MIN), v.context().lr())),
            schedule("warm-restarts", "Cosine with warm restarts (SGDR)",
                    "Cosine annealing that jumps back to lr after each cycle; cycles grow by T_mult.",
                    List.of(WarmRestarts.T_0, WarmRestarts.T_MULT, ETA_MIN),
                    v -> new WarmRestarts(v.getInt(WarmRestarts.T_0), v.getInt(WarmRestarts.T_MULT), v.get(ETA_MIN),
                            v.context().lr())),
            schedule("one-cycle", "One-cycle",
                    "Rises to max_lr and falls far below it in one cosine cycle, momentum moving the other way.",
                    List.of(OneCycle.MAX_LR, OneCycle.TOTAL_STEPS, OneCycle.PCT_START, OneCycle.DIV_FACTOR,
                            OneCycle.FINAL_DIV_FACTOR, OneCycle.CYCLE_MOMENTUM, OneCycle.BASE_MOMENTUM,
                            OneCycle.MAX_MOMENTUM),
                    v -> new OneCycle(v.get(OneCycle.MAX_LR), v.getInt(OneCycle.TOTAL_STEPS), v.get(OneCycle.PCT_START),
                            v.get(OneCycle.DIV_FACTOR), v.get(OneCycle.FINAL_DIV_FACTOR),
                            v.getBool(OneCycle.CYCLE_MOMENTUM), v.get(OneCycle.BASE_MOMENTUM),
                            v.get(OneCycle.MAX_MOMENTUM), v.context().lr())),
            schedule("cyclic", "Cyclical (triangular)",
                    "Climbs linearly from base_lr to max_lr and back, again and again.",
                    List.of(Cyclic.BASE_LR, Cyclic.MAX_LR, Cyclic.STEP_SIZE_UP),
                    v -> new Cyclic(v.get(Cyclic.BASE_LR), v.get(Cyclic.MAX_LR), v.getInt(Cyclic.STEP_SIZE_UP),
                            v.context().lr())),
            schedule("plateau", "Reduce on plateau",
                    "Cuts the rate by factor when the loss has not improved for patience steps.",
                    List.of(Plateau.FACTOR, Plateau.PATIENCE, Plateau.THRESHOLD, Plateau.MIN_LR),
                    v -> new Plateau(v.get(Plateau.FACTOR), v.getInt(Plateau.PATIENCE), v.get(Plateau.THRESHOLD),
                            v.get(Plateau.MIN_LR), v.context().lr())),
            schedule("error-proportional", "Error-proportional",
                    "The rate follows the remaining error: lr · (f − f*) / (f₀ − f*). Watch it stall.",
                    List.of(), v -> new ErrorProportional()));

    public static Optional<Method<Schedule>> byId(String id) {
        return ALL.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** Whether s_t depends on the step alone ({@link Schedule.Pure}, possibly behind a {@link Warmup}). */
    public static boolean stepOnly(Schedule schedule) {
        return schedule instanceof Schedule.Pure || (schedule instanceof Warmup w && stepOnly(w.then()));
    }

    /**
     * s_t at each of {@code steps}, read from the same tracker a run uses, so a preview drawn before
     * the run shows the multipliers the run will get; empty for a schedule that reads the loss.
     */
    public static Optional<double[]> tabulate(Schedule schedule, int[] steps) {
        if (!stepOnly(schedule)) {
            return Optional.empty();
        }
        // A step-only tracker ignores f* and the loss, and the order of the steps it is asked for.
        Schedule.Tracker tracker = schedule.start(Double.NaN);
        double[] values = new double[steps.length];
        for (int k = 0; k < steps.length; k++) {
            values[k] = tracker.multiplier(steps[k], Double.NaN);
        }
        return Optional.of(values);
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

    /** Checks the run's lr, which schedules with absolute keys divide by. */
    static void checkLr(double lr) {
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException("lr = " + lr + " is not accepted: this schedule's absolute rates"
                    + " are taken relative to the run's lr, which must be a positive number");
        }
    }

    /** Checks an absolute floor such as eta_min: in range, and not above the run's lr. */
    static void atMostLr(Param floor, double value, double lr) {
        floor.check(value);
        checkLr(lr);
        if (value > lr) {
            throw new IllegalArgumentException(floor.name() + " = " + Numbers.format(value) + " must not exceed lr = "
                    + Numbers.format(lr) + " (accepted: 0 ≤ " + floor.name() + " ≤ lr)");
        }
    }
}
