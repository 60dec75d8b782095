package org.lrplayground.engine.optim;

/**
 * The inputs and outputs of one update, reused across steps so that the loop does not allocate.
 * The runner fills the inputs; a {@link Stepper} reads them and writes the outputs.
 */
public final class StepContext {

    /** Step counter, starting at 1 for the update that produces θ₁. */
    public int t;
    /** η_t: the base lr times the schedule's multiplier. */
    public double eta;
    /**
     * Momentum (or β₁) imposed by the schedule for this step (one-cycle cycles it);
     * {@code NaN} when the schedule leaves it alone.
     */
    public double momentum = Double.NaN;
    /** f(θ_{t−1}): the loss at the point where the gradient was taken. */
    public double loss;
    /** The surface's minimum value f*, for methods that need f − f* (Eve, Polyak). */
    public double fStar;
    /** θ_{t−1}; read-only for steppers. */
    public final double[] theta;
    /** The gradient at θ_{t−1} (noisy or mini-batch where the run says so); read-only for steppers. */
    public final double[] grad;
    /** Output: the update u_t, applied as θ_t = θ_{t−1} − u_t. */
    public final double[] update;
    /** Output: the effective learning rate per coordinate, as the reference defines it per method. */
    public final double[] lr;

    public StepContext(int dim) {
        theta = new double[dim];
        grad = new double[dim];
        update = new double[dim];
        lr = new double[dim];
    }

    /** The schedule's momentum when it imposes one, else the configured value. */
    public double momentumOr(double configured) {
        return Double.isNaN(momentum) ? configured : momentum;
    }
}
