package org.lrplayground.engine.run;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * All runs of a {@link RunSpec}, advanced together so that a view can stream them side by side.
 * Single-threaded: one thread advances a race and reads its trajectories.
 */
public final class Race {

    private final RunSpec spec;
    private final List<Lane> lanes;
    private final double fStar;

    public Race(RunSpec spec) {
        this(spec, Set.of());
    }

    /**
     * A race whose runs {@code stateOf} (0-based indices) also record their optimizer state at every
     * point ({@link Trajectory#stateNames}).
     */
    public Race(RunSpec spec, Set<Integer> stateOf) {
        for (int run : stateOf) {
            if (run < 0 || run >= spec.runs().size()) {
                throw new IllegalArgumentException("run " + run + " has no state to record: the spec has runs 0 to "
                        + (spec.runs().size() - 1));
            }
        }
        this.spec = spec;
        fStar = spec.surface().fStar(spec.box());
        lanes = IntStream.range(0, spec.runs().size())
                .mapToObj(r -> new Lane(spec, spec.runs().get(r), fStar, true, stateOf.contains(r))).toList();
    }

    /** Runs the whole spec to the end. */
    public static Race run(RunSpec spec) {
        return run(spec, Set.of());
    }

    /** Runs the whole spec to the end, recording the optimizer state of runs {@code stateOf}. */
    public static Race run(RunSpec spec, Set<Integer> stateOf) {
        Race race = new Race(spec, stateOf);
        race.advance(Integer.MAX_VALUE);
        return race;
    }

    public RunSpec spec() {
        return spec;
    }

    /** f* as the engine used it: the global minimum, or the box minimum of an unbounded surface. */
    public double fStar() {
        return fStar;
    }

    /**
     * Advances every unfinished run by up to {@code steps} updates.
     *
     * @return whether any run is still running
     */
    public boolean advance(int steps) {
        boolean running = false;
        for (Lane lane : lanes) {
            lane.advance(steps);
            running |= !lane.status().finished();
        }
        return running;
    }

    public boolean finished() {
        return lanes.stream().allMatch(l -> l.status().finished());
    }

    public int size() {
        return lanes.size();
    }

    public Trajectory trajectory(int run) {
        return lanes.get(run).trajectory();
    }

    public RunStatus status(int run) {
        return lanes.get(run).status();
    }

    /** Distance from run's last point to the nearest known minimum; NaN when the surface has none. */
    public double distanceToNearestMinimum(int run) {
        return lanes.get(run).distanceToNearestMinimum();
    }

    /** The optimizer's internal state of a run after its last step, by the paper's names. */
    public Map<String, double[]> optimizerState(int run) {
        return lanes.get(run).optimizerState();
    }
}
