package org.lrplayground.race;

import java.io.IOException;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.lrplayground.engine.explain.Explanation;
import org.lrplayground.engine.explain.StepEquations;
import org.lrplayground.engine.run.Race;
import org.lrplayground.engine.run.StableRate;
import org.lrplayground.engine.run.RunConfig;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.engine.run.RunStatus;
import org.lrplayground.engine.run.Trajectory;
import org.springframework.stereotype.Service;

/**
 * Runs a {@link RunSpec} to the end for callers that want whole trajectories (the API).
 *
 * <p>The runs of a spec are independent (each has its own state and its own random stream from the
 * spec's seed), so they are run one after the other: a caller that streams each finished run out
 * holds one trajectory in memory rather than all twelve (12 × 100 000 steps would be about 77 MB).
 */
@Service
public class RunService {

    /** One finished run of a spec. */
    public record FinishedRun(int index, RunConfig config, Trajectory trajectory, RunStatus status,
                              double distanceToMinimum) {

        /** The loss at the last recorded point; NaN when not even the start point could be recorded. */
        public double finalLoss() {
            int n = trajectory.size();
            return n == 0 ? Double.NaN : trajectory.loss(n - 1);
        }
    }

    /** Where finished runs go, in the order of the spec's runs. */
    @FunctionalInterface
    public interface Sink {
        void accept(FinishedRun run) throws IOException;
    }

    /** A run computed alone with its optimizer state recorded, whose updates it explains. */
    public record ExplainedRun(FinishedRun run, double fStar) {

        /** The last update the run made. */
        public int lastStep() {
            return run.trajectory().size() - 1;
        }

        /**
         * Update {@code step} by its optimizer's equations with their numbers.
         *
         * @throws IllegalArgumentException when the run made no update {@code step}
         */
        public Explanation explain(int step) {
            return StepEquations.explain(run.config(), run.trajectory(), step, fStar);
        }
    }

    /**
     * Runs every run of {@code spec} in order, handing each to {@code sink} as soon as it has finished;
     * runs {@code stateOf} (0-based) also record their optimizer state.
     */
    public void runEach(RunSpec spec, Set<Integer> stateOf, Sink sink) throws IOException {
        for (int i = 0; i < spec.runs().size(); i++) {
            sink.accept(run(spec, i, stateOf.contains(i)));
        }
    }

    /** Runs the spec's run {@code index} (0-based) alone to the end: the same points as in {@link #runEach}. */
    public FinishedRun run(RunSpec spec, int index) {
        return run(spec, index, false);
    }

    /** Runs the spec's run {@code index} alone to the end with its optimizer state, to explain its steps. */
    public ExplainedRun explained(RunSpec spec, int index) {
        Race race = race(spec, index, true);
        return new ExplainedRun(finished(race, spec, index), race.fStar());
    }

    private FinishedRun run(RunSpec spec, int index, boolean state) {
        return finished(race(spec, index, state), spec, index);
    }

    private static Race race(RunSpec spec, int index, boolean state) {
        return Race.run(spec.withRuns(List.of(spec.runs().get(index))), state ? Set.of(0) : Set.of());
    }

    private static FinishedRun finished(Race race, RunSpec spec, int index) {
        return new FinishedRun(index, spec.runs().get(index), race.trajectory(0), race.status(0),
                race.distanceToNearestMinimum(0));
    }

    /**
     * The largest rate, found by a short search, at which run {@code index} of {@code spec} does not
     * diverge ({@link StableRate}); empty when none is found. At most 15 runs of the scene alone.
     */
    public OptionalDouble stableLr(RunSpec spec, int index) {
        return StableRate.search(spec, index);
    }
}
