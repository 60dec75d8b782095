package org.lrplayground.playground;

import java.util.List;
import org.lrplayground.app.WorkBudget;
import org.lrplayground.engine.analysis.Basins;
import org.lrplayground.engine.analysis.Restarts;
import org.lrplayground.engine.param.Param;
import org.lrplayground.engine.run.RunSpec;
import org.springframework.stereotype.Service;

/**
 * The basins of attraction of one run of a playground spec ({@link Basins}): a run from every cell
 * of an n × n grid over the box, for the spec's steps; and best of N random starts beside warm
 * restarts ({@link Restarts}).
 *
 * <p>Each is costed and started through the {@link WorkBudget}, which gives a job: {@link Basins}
 * spreads the runs over both cores, and a 200 × 200 grid of 1 000 steps takes about 0.2 s
 * (BENCHMARKS.md), but a scene of many steps takes seconds, so dear ones run on the budget's pool,
 * where the caller (a request, a dialog) can stop them when no one waits for them any more.
 */
@Service
public class BasinsService {

    /** The grids the playground offers; a finer one than 200 would cost seconds for no visible detail. */
    public static final List<Integer> GRIDS = List.of(50, 100, 200);
    public static final int DEFAULT_GRID = 100;

    private final WorkBudget budget;

    public BasinsService(WorkBudget budget) {
        this.budget = budget;
    }

    /**
     * The basins of {@code spec}'s run {@code run} (counted from 0) on a {@code grid} × {@code grid} grid;
     * the job fails with an IllegalArgumentException when the spec has no such run or the grid is out of range.
     *
     * @throws org.lrplayground.engine.format.FormatException when it costs more than the budget allows
     * @throws WorkBudget.Busy when the budget's pool is full
     */
    public WorkBudget.Job<Basins> of(RunSpec spec, int run, int grid) {
        return budget.submit(Basins.cost(spec, grid), p -> Basins.of(spec, run, grid, p));
    }

    /** Best of 1 … {@code n} random starts against as many cycles of warm restarts; started as {@link #of}. */
    public WorkBudget.Job<List<Restarts.Tries>> restarts(RunSpec spec, int run, int n) {
        return budget.submit(Restarts.cost(spec, n), p -> Restarts.of(spec, run, n, p));
    }

    /** Best of 1 … {@link Restarts#TRIES}' default random starts, as the basins dialog shows them. */
    public WorkBudget.Job<List<Restarts.Tries>> restarts(RunSpec spec, int run) {
        return restarts(spec, run, (int) Restarts.TRIES.defaultValue(Param.Context.NONE));
    }
}
