package org.lrplayground.playground;

import org.lrplayground.app.WorkBudget;
import org.lrplayground.engine.finder.LrCurve;
import org.lrplayground.engine.finder.LrFinder;
import org.lrplayground.engine.run.RunConfig;
import org.lrplayground.engine.run.RunSpec;
import org.springframework.stereotype.Service;

/**
 * Runs fastai's learning-rate finder ({@link LrFinder}, default sweep: 1e-7 to 10 in 100 steps) for
 * one run of a playground spec: that run's optimizer with all its hyperparameters as configured, the
 * spec's surface, start, noise, seed and mini-batch size; the run's lr and schedule play no part,
 * since the sweep sets the rate of every step.
 *
 * <p>Synchronous, on the caller's thread: a sweep is at most 100 optimizer steps, about 0.1 ms on
 * Rosenbrock or the spreadsheet's data. Only f* of a surface unbounded below or of a custom formula
 * needs a scan of the box (401 × 401 values), which the finder and this service each do once: about
 * 2 × 40 ms for a custom formula, as much as opening its race costs. It is still costed against the
 * {@link WorkBudget}'s limit, like every door that computes.
 */
@Service
public class LrFinderService {

    /**
     * A sweep and the f* its losses are measured against, so that views can plot f − f*.
     *
     * @param finder the sweep's settings (rates and steps)
     * @param curve  what the sweep measured, with its suggestions
     * @param fStar  the surface's f* in the spec's box
     */
    public record Sweep(LrFinder finder, LrCurve curve, double fStar) {
    }

    private final LrFinder finder = LrFinder.DEFAULT;
    private final WorkBudget budget;

    public LrFinderService(WorkBudget budget) {
        this.budget = budget;
    }

    /**
     * Sweeps the optimizer of {@code spec}'s run {@code run} (counted from 0).
     *
     * @throws IllegalArgumentException when the spec has no such run
     * @throws org.lrplayground.engine.format.FormatException when it costs more than the budget allows
     */
    public Sweep find(RunSpec spec, int run) {
        if (run < 0 || run >= spec.runs().size()) {
            throw new IllegalArgumentException("run = " + run + " is not accepted: the spec's runs are numbered 0 to "
                    + (spec.runs().size() - 1));
        }
        budget.check(finder.cost(spec));
        RunConfig config = spec.runs().get(run);
        LrCurve curve = finder.find(spec, spec.startOf(config), config.optimizer().instance());
        return new Sweep(finder, curve, spec.surface().fStar(spec.box()));
    }
}
