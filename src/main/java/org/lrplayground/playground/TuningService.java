package org.lrplayground.playground;

import java.util.List;
import org.lrplayground.app.WorkBudget;
import org.lrplayground.engine.analysis.Tuning;
import org.lrplayground.engine.run.RunSpec;
import org.springframework.stereotype.Service;

/**
 * A fair tuning of every run of a playground spec ({@link Tuning}): each run's lr, and on request
 * one more key, swept with the spec's steps from the same seeded starts, scored alike.
 *
 * <p>Costed and started through the {@link WorkBudget}, which gives a job: {@link Tuning} spreads its
 * runs over both cores, and the default tuning of four runs (25 rates × 4 starts × 500 steps each)
 * takes well under a second (BENCHMARKS.md), but a scene of many steps or a finer grid takes far
 * longer, so dear ones run on the budget's pool, where the caller can stop them.
 */
@Service
public class TuningService {

    private final WorkBudget budget;

    public TuningService(WorkBudget budget) {
        this.budget = budget;
    }

    /**
     * The tuning of each of {@code spec}'s runs; the job fails with an IllegalArgumentException when
     * {@code settings.also()} names a key none of the runs can sweep.
     *
     * @throws org.lrplayground.engine.format.FormatException when it costs more than the budget allows
     * @throws WorkBudget.Busy when the budget's pool is full
     */
    public WorkBudget.Job<List<Tuning.Tuned>> tune(RunSpec spec, Tuning.Settings settings) {
        return budget.submit(Tuning.cost(spec, settings), p -> Tuning.of(spec, settings, p));
    }
}
