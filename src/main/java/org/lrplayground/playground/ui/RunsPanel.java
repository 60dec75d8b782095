package org.lrplayground.playground.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.lrplayground.engine.analysis.Tuning;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.optim.Optimizer;
import org.lrplayground.engine.optim.Optimizers;
import org.lrplayground.engine.param.Method;
import org.lrplayground.engine.run.RunConfig;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.engine.surface.Point;
import org.lrplayground.ui.RaceDisplay;

/** The run cards: add, duplicate (from another start too) and remove runs (1 to {@link #MAX_RUNS}), each in its race colour. */
class RunsPanel extends Div {

    /** Runs the view offers (the format allows more, for the API). */
    static final int MAX_RUNS = 8;

    final List<RunEditor> runs = new ArrayList<>();
    final Button addRun = new Button("Add run", VaadinIcon.PLUS.create());
    private final Div cards = new Div();
    private final Runnable changed;
    private final Consumer<RunEditor> findLr;
    private final Consumer<RunEditor> basins;
    private int steps;

    /**
     * @param changed called after any edit of a run, or a run added or removed
     * @param findLr  called when a card's "Find lr" is pressed
     * @param basins  called when a card's "Basins" is pressed
     */
    RunsPanel(Runnable changed, Consumer<RunEditor> findLr, Consumer<RunEditor> basins) {
        this.changed = changed;
        this.findLr = findLr;
        this.basins = basins;
        addClassName("runs-panel");
        addRun.setId("add-run");
        addRun.addClickListener(e -> add(unused(), null));
        cards.addClassName("run-cards");
        add(new H2("Runs"), cards, addRun);
    }

    /** Shows the runs of a spec, without reporting a change. */
    void load(RunSpec spec) {
        runs.clear();
        cards.removeAll();
        steps = spec.steps();
        spec.runs().forEach(r -> card(r.optimizer().method(), r));
        recolor();
    }

    /** The runs' texts in the run format. */
    List<String> texts() {
        return runs.stream().map(RunEditor::runText).toList();
    }

    boolean fieldsValid() {
        return runs.stream().allMatch(RunEditor::fieldsValid);
    }

    /** The number of steps changed: schedule defaults that follow it follow. */
    void setSteps(int next) {
        steps = next;
        runs.forEach(r -> r.setSteps(next));
    }

    /** After a spec was built: each card's label and schedule preview. */
    void showConfig(RunSpec spec) {
        for (int i = 0; i < runs.size(); i++) {
            runs.get(i).showConfig(spec.runs().get(i));
        }
    }

    private void add(Method<Optimizer> method, RunConfig config) {
        if (runs.size() < MAX_RUNS) {
            card(method, config);
            recolor();
            changed.run();
        }
    }

    private void card(Method<Optimizer> method, RunConfig config) {
        RunEditor editor = new RunEditor(method, steps, changed);
        if (config != null) {
            editor.load(config);
        }
        editor.findLr.addClickListener(e -> findLr.accept(editor));
        editor.basins.addClickListener(e -> basins.accept(editor));
        editor.duplicate.addClickListener(e -> addCopy(editor, null));
        editor.remove.addClickListener(e -> remove(editor));
        runs.add(editor);
        cards.add(editor);
    }

    /** The first optimizer no run uses yet, so that each added run brings a new method to the race. */
    private Method<Optimizer> unused() {
        List<Method<Optimizer>> used = runs.stream().map(RunEditor::method).toList();
        return Optimizers.ALL.stream().filter(m -> !used.contains(m)).findFirst().orElse(Optimizers.ALL.getLast());
    }

    /** Whether another run may be added. */
    boolean full() {
        return runs.size() >= MAX_RUNS;
    }

    /** Adds a copy of {@code editor}'s run, from {@code start} instead of its own when not null. */
    void addCopy(RunEditor editor, Point start) {
        if (editor.fieldsValid()) {
            RunConfig copy = RunFormat.parseRun(runs.size(), editor.runText(), steps);
            if (start != null) {
                copy = new RunConfig(copy.optimizer(), copy.schedule(), start);
            }
            add(copy.optimizer().method(), copy);
        }
    }

    private void remove(RunEditor editor) {
        if (runs.size() > 1) {
            runs.remove(editor);
            cards.remove(editor);
            recolor();
            changed.run();
        }
    }

    private void recolor() {
        for (int i = 0; i < runs.size(); i++) {
            runs.get(i).setColor(RaceDisplay.COLORS.get(i));
            runs.get(i).getElement().setAttribute("data-run", String.valueOf(i));
            runs.get(i).remove.setEnabled(runs.size() > 1);
            runs.get(i).duplicate.setEnabled(runs.size() < MAX_RUNS);
        }
        addRun.setEnabled(runs.size() < MAX_RUNS);
    }

    /** Every run that has a best value gets it, as if typed, without reporting: the caller reports the one edit. */
    void setBest(List<Tuning.Tuned> tuned) {
        for (Tuning.Tuned t : tuned) {
            if (!Double.isNaN(t.lr().best()) && t.run() < runs.size()) {
                RunEditor editor = runs.get(t.run());
                editor.setValue("lr", t.lr().best());
                if (t.also() != null) {
                    editor.setValue(t.also().parameter(), t.also().best());
                }
            }
        }
    }
}
