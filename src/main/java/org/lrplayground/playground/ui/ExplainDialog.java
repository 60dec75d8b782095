package org.lrplayground.playground.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import org.lrplayground.engine.explain.Explanation;
import org.lrplayground.engine.explain.Explanation.Equation;
import org.lrplayground.engine.explain.Explanation.Value;
import org.lrplayground.engine.param.Numbers;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.race.RunService;
import org.lrplayground.race.RunService.ExplainedRun;
import org.lrplayground.ui.RaceDisplay;

/**
 * "Explain this step": the chosen run's update at the chosen step by its optimizer's equations, each
 * first in symbols and then per coordinate with the step's numbers and its result, as a
 * spreadsheet's formula auditing shows how a cell is computed. Not modal, so that the plot, where
 * the step is drawn ({@code shown}), stays in view beside it.
 */
class ExplainDialog extends Dialog {

    /**
     * Over the side panel below the header on a wide screen, leaving the plot free; in the lower half
     * of a phone's screen (narrower than 600px, where the plot comes first), under the plot's top.
     */
    private static final String TOP = "max(4.5rem, min(52vh, calc((600px - 100vw) * 100)))";

    private final RunService service;
    private final RunSpec spec;
    private int lastShown;
    /** The step explained now. */
    private int current;
    private final BiConsumer<Integer, Explanation> shown;
    final Select<Integer> run = new Select<>();
    final IntegerField step = new IntegerField("Step");
    final Span summary = new Span();
    final Div equations = new Div();
    private ExplainedRun explained;

    /**
     * @param lastShown the last step the race has shown, the most the step field offers
     * @param shown     called with the run and the explanation each time another step is explained
     */
    ExplainDialog(RunService service, RunSpec spec, int run, int step, int lastShown,
                  BiConsumer<Integer, Explanation> shown) {
        this.service = service;
        this.spec = spec;
        this.lastShown = lastShown;
        this.shown = shown;
        addClassName("explain-dialog");
        setHeaderTitle("Explain this step");
        Button close = new Button(VaadinIcon.CLOSE.create(), e -> close());
        close.addThemeVariants(ButtonVariant.TERTIARY);
        close.setAriaLabel("Close");
        getHeader().add(close);
        setModal(false);
        setDraggable(true);
        setResizable(true);
        setWidth("min(27rem, 96vw)");
        setLeft("min(2vw, 1rem)");
        setTop(TOP);
        setMaxHeight("calc(100vh - " + TOP + " - 0.5rem)");

        this.run.setLabel("Run");
        this.run.setItems(IntStream.range(0, spec.runs().size()).boxed().toList());
        this.run.setRenderer(new ComponentRenderer<>(i -> StepTable.runLabel(spec, i)));
        this.step.setMin(1);
        this.step.setStepButtonsVisible(true);
        this.step.setWidth("8.5em");
        summary.addClassName("explain-summary");
        equations.addClassName("explain-equations");
        Div bar = new Div(this.run, this.step);
        bar.addClassName("explain-bar");
        add(new Div(bar, summary, equations));
        this.run.setValue(run);
        load(run, step);
        this.run.addValueChangeListener(e -> load(e.getValue(), this.step.getValue() == null ? step : this.step.getValue()));
        this.step.addValueChangeListener(e -> {
            if (e.getValue() != null && e.isFromClient()) {
                explain(e.getValue());
            }
        });
    }

    /** Explains step {@code t} instead, the race having shown up to {@code last}: the timeline moved. */
    void follow(int t, int last) {
        lastShown = last;
        step.setMax(Math.min(explained.lastStep(), last));
        if (t != current) {
            explain(t);
        }
    }

    /** Computes run {@code index} with its state and explains {@code wanted}, or its last step if it ended sooner. */
    private void load(int index, int wanted) {
        explained = service.explained(spec, index);
        int last = Math.min(explained.lastStep(), lastShown);
        step.setMax(last);
        explain(wanted);
    }

    private void explain(int wanted) {
        int last = Math.min(explained.lastStep(), lastShown);
        equations.removeAll();
        if (last < 1) {
            summary.setText(RaceDisplay.name(spec, run.getValue()) + " has no update to explain: "
                    + explained.run().status().reason());
            return;
        }
        int t = Math.max(1, Math.min(wanted, last));
        if (step.getValue() == null || step.getValue() != t) {
            step.setValue(t);
        }
        current = t;
        Explanation e = explained.explain(t);
        summary.setText(e.method() + ", step " + t + ": from θ" + sub(t - 1) + " to θ" + sub(t)
                + (e.notes().isEmpty() ? "" : ". " + String.join(". ", e.notes())));
        e.equations().forEach(q -> equations.add(row(q)));
        shown.accept(run.getValue(), e);
    }

    /** One equation: {@code symbol = formula}, then per coordinate its numbers and result. */
    private static Div row(Equation q) {
        Div row = new Div();
        row.addClassName("explain-row");
        row.getElement().setAttribute("kind", q.role().name().toLowerCase(Locale.ROOT));
        row.getElement().setAttribute("symbol", q.symbol());
        if (q.formula() == null) {
            Span input = new Span(q.symbol() + " = " + Numbers.readable(q.value(0)));
            input.addClassName("explain-formula");
            row.add(input);
            return row;
        }
        Span formula = new Span(q.symbol() + " = " + q.formula());
        formula.addClassName("explain-formula");
        row.add(formula);
        for (Value v : q.values()) {
            Span value = new Span((v.coordinate().isEmpty() ? "" : v.coordinate() + ": ")
                    + (v.numbers() == null ? "" : v.numbers() + " = ") + Numbers.readable(v.result()));
            value.addClassName("explain-value");
            value.getElement().setAttribute("coordinate", v.coordinate());
            row.add(value);
        }
        return row;
    }

    /** t as a subscript: θ₁₂. */
    private static String sub(int t) {
        StringBuilder out = new StringBuilder();
        for (char c : Integer.toString(t).toCharArray()) {
            out.append((char) ('₀' + (c - '0')));
        }
        return out.toString();
    }
}
