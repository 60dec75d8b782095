package org.lrplayground.playground.ui;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.lrplayground.engine.format.FormatException;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.playground.BasinsService;
import org.lrplayground.playground.LrFinderService;
import org.lrplayground.playground.TuningService;
import org.lrplayground.ui.RaceDisplay;

/**
 * The playground's analyses of the scene on stage, each in its dialog: the lr finder and the basins
 * of one run (from its card), and the tuning of every run. What a dialog picks comes back as an
 * edit of the run cards, which the race then follows like any other. Each is costed by the work
 * budget: the dialogs show a refusal of their own work, and the page's message one of the lr finder.
 */
final class Analyses {

    private final LrFinderService finder;
    private final BasinsService basins;
    private final TuningService tuning;
    private final RunsPanel runs;
    private final Consumer<String> refused;

    /** @param refused shows why an analysis was not computed */
    Analyses(LrFinderService finder, BasinsService basins, TuningService tuning, RunsPanel runs, Consumer<String> refused) {
        this.finder = finder;
        this.basins = basins;
        this.tuning = tuning;
        this.runs = runs;
        this.refused = refused;
    }

    /** fastai's lr_find for the card's run; picking a suggested rate edits its lr like typing it. */
    void findLr(RunSpec spec, RunEditor editor) {
        int i = index(spec, editor);
        if (i >= 0) {
            LrFinderService.Sweep sweep;
            try {
                sweep = finder.find(spec, i);
            } catch (FormatException e) {
                refused.accept("Not computed: " + e.getMessage() + ".");
                return;
            }
            new LrFinderDialog(RaceDisplay.name(spec, i), editor.color(), sweep, editor::setLr).open();
        }
    }

    /** Where each start of the card's run leads; a clicked cell adds the run's copy from there. */
    void basins(RunSpec spec, RunEditor editor) {
        int i = index(spec, editor);
        if (i >= 0) {
            new BasinsDialog(RaceDisplay.name(spec, i), spec, grid -> basins.of(spec, i, grid), () -> basins.restarts(spec, i),
                    editor.color(), runs.full() ? null : start -> runs.addCopy(editor, start)).open();
        }
    }

    /** A fair tuning of every run; "Apply best" sets them all, and {@code edited} recomputes the race once. */
    void tune(RunSpec spec, Runnable edited) {
        if (spec != null) {
            List<String> names = IntStream.range(0, spec.runs().size()).mapToObj(i -> RaceDisplay.name(spec, i)).toList();
            List<String> colors = runs.runs.stream().limit(spec.runs().size()).map(RunEditor::color).toList();
            new TuneDialog(spec, names, colors, settings -> tuning.tune(spec, settings), tuned -> {
                runs.setBest(tuned);
                edited.run();
            }).open();
        }
    }

    /** The card's run in the scene on stage, or −1 when there is none (no valid scene, a card just added). */
    private int index(RunSpec spec, RunEditor editor) {
        int i = runs.runs.indexOf(editor);
        return spec != null && i >= 0 && i < spec.runs().size() ? i : -1;
    }
}
