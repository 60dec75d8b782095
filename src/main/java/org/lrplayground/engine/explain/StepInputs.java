package org.lrplayground.engine.explain;

import java.util.Map;
import org.lrplayground.engine.run.Trajectory;

/**
 * What update t of a run started from, as the runner gave it to the optimizer.
 *
 * @param t        the step, from 1
 * @param eta      η_t, the scheduled rate of the update
 * @param momentum the momentum (β₁) the schedule imposed, or NaN
 * @param loss     f(θ_{t−1})
 * @param fStar    f* as the engine used it
 * @param theta    θ_{t−1}
 * @param grad     the gradient at θ_{t−1} (noisy or mini-batch where the run says so)
 * @param before   the optimizer's state after update t − 1 (at t = 1, its start), by quantity name
 */
record StepInputs(int t, double eta, double momentum, double loss, double fStar, double[] theta, double[] grad,
                  Map<String, double[]> before) {

    /**
     * Update t of a recorded trajectory (its state recorded too, for a method that keeps one).
     *
     * @throws IllegalArgumentException when the trajectory has no update t
     */
    static StepInputs of(Trajectory trajectory, int t, double fStar, double momentum) {
        if (t < 1 || t >= trajectory.size()) {
            throw new IllegalArgumentException("step " + t + " is not an update of this run: it has steps 1 to "
                    + (trajectory.size() - 1));
        }
        int p = t - 1;
        return new StepInputs(t, trajectory.eta(t), momentum, trajectory.loss(p), fStar,
                new double[] {trajectory.x(p), trajectory.y(p)}, new double[] {trajectory.gradX(p), trajectory.gradY(p)},
                trajectory.stateAt(p));
    }

    /** The schedule's momentum when it imposes one, else the configured value. */
    double momentumOr(double configured) {
        return Double.isNaN(momentum) ? configured : momentum;
    }
}
