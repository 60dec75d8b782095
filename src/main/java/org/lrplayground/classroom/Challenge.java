package org.lrplayground.classroom;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import org.lrplayground.engine.format.FormatException;
import org.lrplayground.engine.run.RunStatus;
import org.lrplayground.race.RunService.FinishedRun;

/** What a class's leaderboard ranks by. Every metric is "lower is better"; NaN ranks after every number. */
public enum Challenge {
    /** No ranking: the board shows hand-ins without a leaderboard. */
    NONE("none"),
    /** Distance to the nearest minimum after the scene's steps. */
    CLOSEST("closest"),
    /** Steps until converged; a run that did not converge has no number and so ranks after those that did. */
    FASTEST("fastest"),
    /** The final loss. */
    LOWEST("lowest");

    private final String id;

    Challenge(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /**
     * The challenge named {@code id}; no id at all means {@link #NONE}.
     *
     * @throws FormatException for {@code challenge} when the id names none
     */
    public static Challenge byId(String id) {
        if (id == null || id.isBlank()) {
            return NONE;
        }
        return Arrays.stream(values()).filter(c -> c.id.equals(id.strip())).findFirst()
                .orElseThrow(() -> new FormatException("challenge", "unknown challenge '" + id + "'",
                        Arrays.stream(values()).map(Challenge::id).toList()));
    }

    /** This challenge's number for a finished run; NaN when the run has none. */
    double metric(FinishedRun run) {
        return switch (this) {
            case NONE -> Double.NaN;
            case CLOSEST -> run.distanceToMinimum();
            case FASTEST -> run.status().kind() == RunStatus.Kind.CONVERGED ? run.status().step() : Double.NaN;
            case LOWEST -> run.finalLoss();
        };
    }
}
