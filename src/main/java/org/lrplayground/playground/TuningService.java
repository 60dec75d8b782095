package org.lrplayground.playground;

import java.util.List;
import org.lrplayground.engine.analysis.Tuning;
import org.lrplayground.engine.run.RunSpec;
import org.springframework.stereotype.Service;

/**
 * A fair tuning of every run of a playground spec ({@link Tuning}): each run's lr, and on request
 * one more key, swept with the spec's steps from the same seeded starts, scored alike.
 *
 * <p>Synchronous, on the caller's thread: {@link Tuning} spreads its runs over both cores, and the
 * default tuning of four runs (25 rates × 4 starts × 500 steps each) answers in well under a second
 * (BENCHMARKS.md), so the dialog need not wait for it in the background.
 */
@Service
public class TuningService {

    /**
     * The tuning of each of {@code spec}'s runs.
     *
     * @throws IllegalArgumentException when {@code settings.also()} names a key none of the runs can sweep
     */
    public List<Tuning.Tuned> tune(RunSpec spec, Tuning.Settings settings) {
        return Tuning.of(spec, settings);
    }
}
