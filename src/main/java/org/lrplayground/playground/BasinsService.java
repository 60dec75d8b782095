package org.lrplayground.playground;

import java.util.List;
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
 * <p>Synchronous, on the caller's thread: {@link Basins} spreads the runs over both cores, and a
 * 200 × 200 grid of 1 000 steps answers in about 0.2 s (BENCHMARKS.md), so the dialog need not wait
 * for it in the background.
 */
@Service
public class BasinsService {

    /** The grids the playground offers; a finer one than 200 would cost seconds for no visible detail. */
    public static final List<Integer> GRIDS = List.of(50, 100, 200);
    public static final int DEFAULT_GRID = 100;

    /**
     * The basins of {@code spec}'s run {@code run} (counted from 0) on a {@code grid} × {@code grid} grid.
     *
     * @throws IllegalArgumentException when the spec has no such run or the grid is out of range
     */
    public Basins of(RunSpec spec, int run, int grid) {
        return Basins.of(spec, run, grid);
    }

    /** Best of 1 … {@link Restarts#TRIES}' default random starts against as many cycles of warm restarts. */
    public List<Restarts.Tries> restarts(RunSpec spec, int run) {
        return Restarts.of(spec, run, (int) Restarts.TRIES.defaultValue(Param.Context.NONE));
    }
}
