package org.lrplayground.playground;

import java.util.List;
import java.util.function.BooleanSupplier;
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
 * <p>Costed and run through the {@link WorkBudget}: {@link Basins} spreads the runs over both cores,
 * and a 200 × 200 grid of 1 000 steps answers in about 0.2 s (BENCHMARKS.md); dearer ones wait for
 * a worker of the budget's pool, and stop when {@code clientGone} says so.
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
     * The basins of {@code spec}'s run {@code run} (counted from 0) on a {@code grid} × {@code grid} grid.
     *
     * @throws IllegalArgumentException when the spec has no such run or the grid is out of range
     * @throws org.lrplayground.engine.format.FormatException when it costs more than the budget allows
     * @throws WorkBudget.Busy when the budget's pool is full
     */
    public Basins of(RunSpec spec, int run, int grid, BooleanSupplier clientGone) {
        return budget.analyse(Basins.cost(spec, grid), clientGone, p -> Basins.of(spec, run, grid, p));
    }

    /** Best of 1 … {@code n} random starts against as many cycles of warm restarts; costed as {@link #of}. */
    public List<Restarts.Tries> restarts(RunSpec spec, int run, int n, BooleanSupplier clientGone) {
        return budget.analyse(Restarts.cost(spec, n), clientGone, p -> Restarts.of(spec, run, n, p));
    }

    /** Best of 1 … {@link Restarts#TRIES}' default random starts, as the basins dialog shows them. */
    public List<Restarts.Tries> restarts(RunSpec spec, int run) {
        return restarts(spec, run, (int) Restarts.TRIES.defaultValue(Param.Context.NONE), WorkBudget.STAYS);
    }
}
