package org.lrplayground.playground.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.util.stream.IntStream;
import org.lrplayground.race.RunService;
import org.lrplayground.race.RunService.FinishedRun;
import org.lrplayground.engine.param.Numbers;
import org.lrplayground.ui.RaceDisplay;
import org.lrplayground.ui.Swatch;
import org.lrplayground.ui.RaceResults;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.engine.run.Trajectory;

/**
 * Every step of one run as a table, to read like the course's spreadsheet: θ_t, f(θ_t), the
 * gradient at θ_t, the effective learning rate of the update that produced θ_t and the scheduled
 * rate η_t that update was given. The run is
 * computed by {@link RunService}, which gives the same points as the race; the grid fetches
 * only the rows in view, so a run of 100 000 steps opens as fast as one of ten.
 */
class StepTable extends Dialog {

    /** Shown for a value that is not a number: the lr and η at t = 0, which no update produced. */
    static final String NO_VALUE = "—";

    private final RunService service;
    private final RunSpec spec;
    final Select<Integer> run = new Select<>();
    final IntegerField goTo = new IntegerField("Go to step");
    final Span status = new Span();
    final Grid<Integer> grid = new Grid<>();
    private FinishedRun shown;

    StepTable(RunService service, RunSpec spec) {
        this.service = service;
        this.spec = spec;
        addClassName("step-table");
        setHeaderTitle("Step table");
        Button close = new Button(VaadinIcon.CLOSE.create(), e -> close());
        close.addThemeVariants(ButtonVariant.TERTIARY);
        close.setAriaLabel("Close");
        getHeader().add(close);
        setWidth("min(64rem, 96vw)");
        setHeight("min(48rem, 90vh)");
        setResizable(true);
        setDraggable(true);

        run.setLabel("Run");
        run.setItems(IntStream.range(0, spec.runs().size()).boxed().toList());
        run.setRenderer(new ComponentRenderer<>(i -> runLabel(spec, i)));
        run.addValueChangeListener(e -> show(e.getValue()));
        goTo.setMin(0);
        goTo.setStepButtonsVisible(true);
        goTo.setWidth("9em");
        goTo.addValueChangeListener(e -> {
            if (e.getValue() != null && e.getValue() >= 0 && e.getValue() < shown.trajectory().size()) {
                grid.scrollToIndex(e.getValue());
                grid.select(e.getValue());
            }
        });
        status.addClassName("step-table-status");
        Div bar = new Div(run, goTo, status);
        bar.addClassName("step-table-bar");

        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.ROW_STRIPES, GridVariant.COLUMN_BORDERS);
        // Wide enough for t = 1 000 000, the most steps a run may have.
        grid.addColumn(t -> t).setHeader("t").setFrozen(true).setWidth("5.5rem").setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        column("x", "θ_t, x coordinate", Trajectory::x);
        column("y", "θ_t, y coordinate", Trajectory::y);
        column("f(x, y)", "the loss at θ_t", Trajectory::loss);
        column("∂f/∂x", "the gradient at θ_t, x component", Trajectory::gradX);
        column("∂f/∂y", "the gradient at θ_t, y component", Trajectory::gradY);
        column("lr x", "effective learning rate of the update that gave θ_t, x coordinate", Trajectory::lrX);
        column("lr y", "effective learning rate of the update that gave θ_t, y coordinate", Trajectory::lrY);
        column("η", "scheduled rate lr · s of the update that gave θ_t", Trajectory::eta);
        grid.setSizeFull();

        Div body = new Div(bar, grid);
        body.addClassName("step-table-body");
        add(body);
        run.setValue(0);
    }

    /** A column of one recorded quantity at step t, compactly formatted. */
    private void column(String header, String help, TrajectoryValue value) {
        Span title = new Span(header);
        title.setTitle(help);
        grid.addColumn(t -> cell(value.at(shown.trajectory(), t))).setHeader(title).setTextAlign(ColumnTextAlign.END);
    }

    @FunctionalInterface
    private interface TrajectoryValue {
        double at(Trajectory trajectory, int t);
    }

    /** A number as the playground's status line writes it; never NaN or ∞ on screen. */
    static String cell(double v) {
        return Double.isFinite(v) ? Numbers.readable(v) : NO_VALUE;
    }

    /** Computes run {@code index} and lists its steps, fetched by the grid a page at a time. */
    private void show(int index) {
        shown = service.run(spec, index);
        int size = shown.trajectory().size();
        status.setText(RaceResults.summary(shown.status(), size - 1, shown.finalLoss(), shown.distanceToMinimum()));
        goTo.setMax(size - 1);
        goTo.clear();
        grid.setItems(q -> IntStream.range(q.getOffset(), Math.min(size, q.getOffset() + q.getLimit())).boxed(), q -> size);
    }

    /** The run shown, for tests. */
    FinishedRun shown() {
        return shown;
    }

    /** A run as a picker lists it: its colour and its name as the charts give it. */
    static Div runLabel(RunSpec spec, int index) {
        Div label = new Div(new Swatch(RaceDisplay.COLORS.get(index)), new Span(RaceDisplay.name(spec, index)));
        label.addClassName("run-option");
        return label;
    }
}
