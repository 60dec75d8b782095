package org.lrplayground.race;

import java.util.List;
import org.lrplayground.engine.run.RunStatus;
import org.lrplayground.engine.run.Trajectory;

/**
 * What a race produced since the previous frame: copied points for every run, so the receiving
 * thread can read them while the race goes on.
 *
 * @param runs     one entry per run of the spec, in order
 * @param finished whether every run has ended
 */
public record Frame(List<Run> runs, boolean finished) {

    /**
     * New points of one run.
     *
     * @param points   the new trajectory points (possibly none), with the scheduled rate of each
     * @param status   the run's status after these points
     * @param distance distance from the last point to the nearest known minimum (NaN when none)
     * @param ends     whether this frame is the first to tell the run's end: the step that ends a run
     *                 may record no point (a diverging step, an unusable start), and its end is news
     *                 all the same
     */
    public record Run(Trajectory.Slice points, RunStatus status, double distance, boolean ends) {
    }

    /** Whether the frame carries nothing new: no point and no run's end. */
    public boolean empty() {
        return runs.stream().allMatch(r -> r.points().size() == 0 && !r.ends());
    }
}
