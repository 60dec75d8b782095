package org.lrplayground.playground.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.lrplayground.app.WorkBudget;
import org.lrplayground.engine.analysis.Basins;
import org.lrplayground.engine.analysis.Restarts;
import org.lrplayground.engine.param.Numbers;
import org.lrplayground.engine.run.RunStatus;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.engine.surface.Point;
import org.lrplayground.playground.BasinsService;

/**
 * Where each start of one run leads: the box as a grid of starts coloured by the minimum each run
 * converged to, darker the more steps it took, grey when it reached none; below it each minimum's
 * share of the box. Clicking a cell adds a copy of the run from that start. Both the map and the
 * best-of-N chart under it are computed by the work budget, on its pool when dear, and shown when
 * they come; closing the dialog stops them.
 */
@StyleSheet("context://components/lr-basins.css")
class BasinsDialog extends AnalysisDialog {

    /**
     * Colours of the minima, told apart from each other and from the grey of no minimum in both
     * themes; a surface with more minima in its box repeats them (no built-in one has more than four).
     */
    static final List<String> COLORS = List.of("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1", "#76b7b2");

    final Select<Integer> grid = new Select<>();
    final BasinsMap map = new BasinsMap();
    /** One line per minimum, "(3, 2): 25.1 % of the box", then the share that reached none. */
    final Div shares = new Div();
    /** The best-of-N chart once computed, or why it was not. */
    final Div bestOfN = new Div();
    private final RunSpec spec;
    private final IntFunction<WorkBudget.Job<Basins>> compute;
    private final Consumer<Point> addRun;
    /** The map shown, null until the first comes. */
    private Basins basins;

    /**
     * @param runName the run as the charts name it, e.g. "1. SGD lr=0.01"
     * @param spec    the scene on stage, whose box the grid covers
     * @param compute  starts the run's basins on a grid of the given cells per side
     * @param restarts starts the run's best of N random starts and warm restarts, drawn in the run's {@code color}
     * @param addRun  receives a clicked cell's start, to add the run's copy from there; null when the
     *                runs are full, and clicking a cell does nothing
     */
    BasinsDialog(String runName, RunSpec spec, IntFunction<WorkBudget.Job<Basins>> compute,
                 Supplier<WorkBudget.Job<List<Restarts.Tries>>> restarts, String color, Consumer<Point> addRun) {
        super("Basins · " + runName, "lr-basins");
        this.spec = spec;
        this.compute = compute;
        this.addRun = addRun;
        explain("A run from the centre of every cell, for the scene's " + spec.steps()
                + " steps. Its colour: the minimum it converged to, darker the more steps it took; grey: none of the "
                + "surface's known minima (it diverged, left the box, did not converge, or settled at another "
                + "stationary point, such as a local minimum the surface does not list). " + (addRun == null
                ? "Remove a run to add one from a cell."
                : "Click a cell to add this run from its start."));
        grid.setLabel("Grid");
        grid.setItems(BasinsService.GRIDS);
        grid.setItemLabelGenerator(n -> n + " × " + n);
        grid.setValue(BasinsService.DEFAULT_GRID);
        grid.addValueChangeListener(e -> draw(e.getValue()));
        map.onCellPicked(this::pick);
        shares.addClassName("lr-basins-shares");
        show(grid, map, shares, bestOfN);
        draw(grid.getValue());
        Paragraph refused = new Paragraph();
        refused.addClassName("lr-basins-status");
        new Pending(this, text -> {
            refused.setText(text);
            bestOfN.add(refused);
        }).start(restarts, tries -> bestOfN.add(new RestartsChart(tries, spec.steps(), color)));
    }

    private void draw(int cells) {
        compute(() -> compute.apply(cells), this::show);
    }

    private void show(Basins computed) {
        basins = computed;
        List<String> outcomes = new ArrayList<>();
        List<String> colors = new ArrayList<>();
        shares.removeAll();
        double reached = 0;
        for (int k = 0; k < basins.minima().size(); k++) {
            Basins.Basin b = basins.minima().get(k);
            String at = "(" + Numbers.format(RunEditor.round(b.at().x())) + ", " + Numbers.format(RunEditor.round(b.at().y())) + ")";
            colors.add(COLORS.get(k % COLORS.size()));
            outcomes.add("converged to " + at);
            shares.add(share(colors.getLast(), at + ": " + percent(b.share()) + " of the box"));
            reached += b.share();
        }
        shares.add(share(null, "none of them: " + percent(1 - reached)));
        // Outcomes of cells that reached no minimum follow the minima's, one per way a run ends.
        for (RunStatus.Kind kind : RunStatus.Kind.values()) {
            outcomes.add(switch (kind) {
                case CONVERGED -> "converged to a stationary point that is no minimum";
                case DIVERGED -> "diverged";
                case LEFT_BOX -> "left the box";
                case MAX_STEPS -> "did not converge";
                case RUNNING, STOPPED -> "stopped";
            });
        }
        int[] outcome = basins.cells().stream()
                .mapToInt(c -> c.minimum() >= 0 ? c.minimum() : basins.minima().size() + c.status().ordinal()).toArray();
        map.show(basins, spec.box(), colors, outcomes, outcome);
    }

    /** A legend entry: the swatch of its colour (Lumo's grey for null) and its text. */
    private static Div share(String color, String text) {
        Span swatch = new Span();
        swatch.addClassName("lr-basins-swatch");
        if (color != null) {
            swatch.getStyle().set("background", color);
        }
        Div line = new Div(swatch, new Span(text));
        line.addClassName("lr-basins-share");
        return line;
    }

    /** A share or a chance to a tenth of a percent; one just short of 1 is not rounded up to 100 %. */
    static String percent(double share) {
        return share > 0.999 && share < 1 ? "> 99.9 %" : String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }

    /**
     * Adds the run from cell {@code cell}'s start, rounded as a start clicked on the plot is (to a
     * thousandth of the box, well inside a cell of a 200 × 200 grid), and closes.
     */
    void pick(int cell) {
        if (addRun != null && basins != null && cell >= 0 && cell < basins.cells().size()) {
            Basins.Cell c = basins.cells().get(cell);
            addRun.accept(new Point(SpecForm.round(c.x0(), spec), SpecForm.round(c.y0(), spec)));
            close();
        }
    }
}
