package org.lrplayground.classroom;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.lrplayground.engine.format.FormatException;
import org.lrplayground.engine.param.Numbers;
import org.lrplayground.engine.run.Choice;
import org.lrplayground.engine.run.RunConfig;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.engine.surface.Point;

/**
 * What students of a class may change in the scene's runs. The server holds hand-ins to it, since
 * a student's page is no more trusted than any other client.
 */
public enum Change {
    OPTIMIZER("optimizer"),
    /** The optimizer's parameters (lr, betas, …). */
    HYPERPARAMETERS("hyperparameters"),
    /** The learning-rate schedule and its parameters. */
    SCHEDULE("schedule"),
    /** The run's own start point. */
    START("start");

    private final String id;

    Change(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /**
     * The changes of a comma-separated list of ids; blank means none.
     *
     * @throws FormatException for {@code allow} when an id names no change
     */
    public static Set<Change> parse(String ids) {
        Set<Change> out = EnumSet.noneOf(Change.class);
        if (ids == null || ids.isBlank()) {
            return out;
        }
        for (String id : ids.split(",")) {
            out.add(Arrays.stream(values()).filter(c -> c.id.equals(id.strip())).findFirst()
                    .orElseThrow(() -> new FormatException("allow", "unknown change '" + id.strip() + "'",
                            List.of(format(EnumSet.allOf(Change.class)).split(",")))));
        }
        return out;
    }

    /** The ids, comma-separated, in declaration order: what {@link #parse} reads back. */
    public static String format(Set<Change> changes) {
        return changes.stream().sorted().map(Change::id).collect(Collectors.joining(","));
    }

    /**
     * Refuses a run that changes what the class keeps. The run is compared with the scene's run of
     * the same optimizer, or else with the scene's first run; an optimizer the scene does not have
     * (where the class allows one) keeps its defaults unless hyperparameters may change.
     *
     * @param index the run's index in the hand-in, from 0
     * @throws FormatException for that run, saying what the class keeps
     */
    static void check(Set<Change> allowed, RunSpec scene, int index, RunConfig run) {
        RunConfig reference = scene.runs().stream().filter(r -> sameMethod(r.optimizer(), run.optimizer())).findFirst()
                .orElse(scene.runs().getFirst());
        boolean sameOptimizer = sameMethod(reference.optimizer(), run.optimizer());
        if (!allowed.contains(OPTIMIZER) && !sameOptimizer) {
            throw kept(index, "the scene's optimizers", scene.runs().stream()
                    .map(r -> r.optimizer().method().id()).distinct().collect(Collectors.joining(", ")));
        }
        var expected = sameOptimizer ? reference.optimizer().values()
                : run.optimizer().method().defaults(run.optimizer().values().context());
        if (!allowed.contains(HYPERPARAMETERS) && !expected.byName().equals(run.optimizer().values().byName())) {
            throw kept(index, "the optimizer's hyperparameters", expected.byName().toString());
        }
        if (!allowed.contains(SCHEDULE) && !(sameMethod(reference.schedule(), run.schedule())
                && reference.schedule().values().byName().equals(run.schedule().values().byName()))) {
            throw kept(index, "the scene's schedule", "sched=" + reference.schedule().method().id() + " "
                    + reference.schedule().values().byName());
        }
        if (!allowed.contains(START) && !scene.startOf(run).equals(scene.startOf(reference))) {
            Point start = scene.startOf(reference);
            throw kept(index, "the scene's start", "(" + Numbers.format(start.x()) + ", " + Numbers.format(start.y()) + ")");
        }
    }

    private static boolean sameMethod(Choice<?> a, Choice<?> b) {
        return a.method().id().equals(b.method().id());
    }

    private static FormatException kept(int index, String what, String accepted) {
        return new FormatException(index, null, "this class keeps " + what, List.of(accepted));
    }
}
