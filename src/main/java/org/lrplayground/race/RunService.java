package org.lrplayground.race;

import java.io.IOException;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import org.lrplayground.app.WorkBudget;
import org.lrplayground.engine.explain.Explanation;
import org.lrplayground.engine.explain.StepEquations;
import org.lrplayground.engine.run.Cost;
import org.lrplayground.engine.run.Progress;
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
 * Every entry costs its runs first ({@link WorkBudget}): steps × runs × the surface's cost per step.
 */
@Service
public class RunService {

    private final WorkBudget budget;

    public RunService(WorkBudget budget) {
        this.budget = budget;
    }

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

    /** What racing all of {@code spec}'s runs costs. */
    public static Cost cost(RunSpec spec) {
        return Cost.of(spec, spec.runs().size(), "steps");
    }

    /**
     * Refuses a race of {@code spec} that costs more than the budget allows.
     *
     * @throws org.lrplayground.engine.format.FormatException naming steps, the cost and the limit
     */
    public void check(RunSpec spec) {
        budget.check(cost(spec));
    }

    /**
     * Runs every run of {@code spec} in order, handing each to {@code sink} as soon as it has finished;
     * runs {@code stateOf} (0-based) also record their optimizer state. A dear spec's runs are
     * computed one by one on the budget's pool while the sink (a response being written) runs on this
     * thread, so a client that reads slowly holds no worker. A client that left is noticed when the
     * sink next writes, one run later.
     *
     * @throws org.lrplayground.engine.format.FormatException when it costs more than the budget allows,
     *                                                        before the sink is called
     * @throws WorkBudget.Busy when the pool is full, before the sink is called
     */
    public void runEach(RunSpec spec, Set<Integer> stateOf, Sink sink) throws IOException {
        Cost cost = cost(spec);
        for (int i = 0; i < spec.runs().size(); i++) {
            int index = i;
            Function<Progress, FinishedRun> work = progress -> run(spec, index, stateOf.contains(index), progress);
            // Each run is priced as the whole answer, so that all runs of a dear one take the pool;
            // only the first may be refused, since a refusal later would cut an answer under way.
            WorkBudget.Job<FinishedRun> job = i == 0 ? budget.submit(cost, work)
                    : budget.submitWaiting(cost, work, WorkBudget.STAYS);
            sink.accept(budget.await(job, WorkBudget.STAYS));
        }
    }

    /**
     * Runs the spec's run {@code index} (0-based) alone to the end: the same points as in {@link #runEach}.
     * A class's hand-in comes this way, one run at a time, after {@link #check} of all its runs.
     */
    public FinishedRun run(RunSpec spec, int index) {
        budget.check(Cost.of(spec, 1, "steps"));
        return run(spec, index, false, Progress.NONE);
    }

    /** Runs the spec's run {@code index} alone to the end with its optimizer state, to explain its steps. */
    public ExplainedRun explained(RunSpec spec, int index) {
        budget.check(Cost.of(spec, 1, "steps"));
        Race race = race(spec, index, true, Progress.NONE);
        return new ExplainedRun(finished(race, spec, index), race.fStar());
    }

    private FinishedRun run(RunSpec spec, int index, boolean state, Progress progress) {
        return finished(race(spec, index, state, progress), spec, index);
    }

    private static Race race(RunSpec spec, int index, boolean state, Progress progress) {
        Race race = new Race(spec.withRuns(List.of(spec.runs().get(index))), state ? Set.of(0) : Set.of());
        while (race.advance(Progress.CHUNK)) {
            progress.done(Progress.CHUNK);
        }
        return race;
    }

    private static FinishedRun finished(Race race, RunSpec spec, int index) {
        return new FinishedRun(index, spec.runs().get(index), race.trajectory(0), race.status(0),
                race.distanceToNearestMinimum(0));
    }

    /**
     * The largest rate, found by a short search, at which run {@code index} of {@code spec} does not
     * diverge ({@link StableRate}); empty when none is found, or when its at most 15 runs of the
     * scene alone would cost more than the budget allows: it is a hint, not worth a refusal.
     */
    public OptionalDouble stableLr(RunSpec spec, int index) {
        if (!budget.allows(StableRate.cost(spec))) {
            return OptionalDouble.empty();
        }
        return StableRate.search(spec, index);
    }
}
