package org.lrplayground.playground.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.optim.Optimizer;
import org.lrplayground.engine.optim.Optimizers;
import org.lrplayground.engine.param.Method;
import org.lrplayground.engine.param.Numbers;
import org.lrplayground.engine.param.Param;
import org.lrplayground.engine.run.RunConfig;
import org.lrplayground.engine.run.RunStatus;
import org.lrplayground.engine.schedule.Schedule;
import org.lrplayground.engine.schedule.Schedules;
import org.lrplayground.engine.schedule.Warmup;

/**
 * One run's card: its colour, optimizer and schedule pickers, the fields generated from their
 * {@link Param}s, a preview of a step-only schedule and the run's status. It produces the run's
 * {@code run=} value of the run format.
 */
class RunEditor extends Composite<Div> {

    private final Select<Method<Optimizer>> optimizer = new Select<>();
    private final Select<Method<Schedule>> schedule = new Select<>();
    private final FlexLayout optimizerFields = new FlexLayout();
    private final FlexLayout scheduleFields = new FlexLayout();
    private final Div preview = new Div();
    /** The run's own start; blank, the problem's start. */
    final TextField startX = ProblemPanel.number("own start x");
    final TextField startY = ProblemPanel.number("own start y");
    private final Span swatch = new Span();
    private final Span label = new Span();
    private final Span error = new Span();
    private final Span status = new Span();
    final Button findLr = new Button(VaadinIcon.SEARCH.create());
    final Button basins = new Button(VaadinIcon.GRID_SMALL.create());
    final Button duplicate = new Button(VaadinIcon.COPY.create());
    final Button remove = new Button(VaadinIcon.CLOSE_SMALL.create());
    private final List<ParamField> optimizerParams = new ArrayList<>();
    private final List<ParamField> scheduleParams = new ArrayList<>();
    private final Runnable onChange;
    private int steps;
    private RunStatus runStatus = RunStatus.RUNNING;
    private String color;

    RunEditor(Method<Optimizer> method, int steps, Runnable onChange) {
        this.onChange = onChange;
        this.steps = steps;
        Div card = getContent();
        card.addClassName("run-card");
        optimizer.setLabel("Optimizer");
        optimizer.setWidth("16em");
        schedule.setWidth("16em");
        optimizer.setItems(Optimizers.ALL);
        optimizer.setItemLabelGenerator(Method::name);
        optimizer.setValue(method);
        optimizer.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                buildOptimizerFields(Map.of());
                buildScheduleFields(Map.of());
                onChange.run();
            }
        });
        schedule.setLabel("Schedule");
        schedule.setItems(Schedules.ALL);
        schedule.setItemLabelGenerator(Method::name);
        schedule.setValue(Schedules.byId("constant").orElse(Schedules.ALL.get(0)));
        schedule.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                buildScheduleFields(Map.of());
                onChange.run();
            }
        });
        findLr.setTooltipText("Find lr: sweep the rate as fast.ai's lr_find does and pick a suggestion");
        findLr.setAriaLabel("Find learning rate");
        findLr.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        basins.setTooltipText("Where each start leads");
        basins.setAriaLabel("Basins");
        basins.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        duplicate.setTooltipText("Duplicate this run");
        duplicate.setAriaLabel("Duplicate run");
        remove.setTooltipText("Remove this run");
        remove.setAriaLabel("Remove run");
        duplicate.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        swatch.addClassName("swatch");
        label.addClassName("run-label");
        error.addClassName("run-error");
        status.addClassName("run-status");
        optimizerFields.addClassName("fields");
        scheduleFields.addClassName("fields");
        preview.addClassName("schedule-preview");
        Div head = new Div(swatch, label, findLr, basins, duplicate, remove);
        head.addClassName("run-head");
        optimizer.setTooltipText(method.summary());
        for (TextField f : List.of(startX, startY)) {
            f.setPlaceholder("shared");
            f.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    ProblemPanel.checkNumber(f);
                    onChange.run();
                }
            });
        }
        startX.setHelperText("blank: the problem's start");
        FlexLayout start = new FlexLayout(startX, startY);
        start.addClassName("fields");
        card.add(head, optimizer, optimizerFields, schedule, scheduleFields, preview, start, error, status);
        buildOptimizerFields(Map.of());
        buildScheduleFields(Map.of());
    }

    /** Shows a run restored from a link. */
    void load(RunConfig run) {
        optimizer.setValue(run.optimizer().method());
        schedule.setValue(run.schedule().method());
        buildOptimizerFields(texts(run.optimizer().method().params(), run.optimizer().values().byName()));
        buildScheduleFields(texts(run.schedule().method().params(), run.schedule().values().byName()));
        startX.setValue(run.start() == null ? "" : Numbers.format(run.start().x()));
        startY.setValue(run.start() == null ? "" : Numbers.format(run.start().y()));
    }

    Method<Optimizer> method() {
        return optimizer.getValue();
    }

    void setColor(String color) {
        this.color = color;
        swatch.getStyle().set("background", color);
        getContent().getStyle().set("border-left-color", color);
    }

    String color() {
        return color;
    }

    /** The run's value in the run format, e.g. {@code adam:lr=0.05,beta1=…,sched=constant,warmup=0[,x0=…,y0=…]}. */
    String runText() {
        List<String> pairs = new ArrayList<>();
        optimizerParams.forEach(f -> pairs.add(f.param().name() + "=" + f.text()));
        pairs.add("sched=" + schedule.getValue().id());
        scheduleParams.forEach(f -> pairs.add(f.param().name() + "=" + f.text()));
        // A blank one of the two is left out, so that the format says both are needed.
        if (!startX.isEmpty()) {
            pairs.add(RunFormat.X0 + "=" + startX.getValue().trim());
        }
        if (!startY.isEmpty()) {
            pairs.add(RunFormat.Y0 + "=" + startY.getValue().trim());
        }
        return optimizer.getValue().id() + ":" + String.join(",", pairs);
    }

    boolean fieldsValid() {
        return optimizerParams.stream().allMatch(ParamField::isValid) && scheduleParams.stream().allMatch(ParamField::isValid)
                && !startX.isInvalid() && !startY.isInvalid();
    }

    /** Shows an error of this run; {@code key} names the parameter, or is null for the run as a whole. */
    void showError(String key, String message) {
        ParamField field = key == null ? null : field(key);
        TextField start = RunFormat.X0.equals(key) ? startX : RunFormat.Y0.equals(key) ? startY : null;
        if (start != null) {
            start.setInvalid(true);
            start.setErrorMessage(message);
        } else if (field != null) {
            field.showError(message);
        } else {
            error.setText(message == null ? "" : message);
        }
    }

    void clearErrors() {
        error.setText("");
        ProblemPanel.checkNumber(startX);
        ProblemPanel.checkNumber(startY);
    }

    /** Sets the optimizer's lr, as if typed, and reports the change. */
    void setLr(double lr) {
        setValue("lr", lr);
        onChange.run();
    }

    /**
     * Sets one of the optimizer's values, as if typed, without reporting the change: the caller
     * that sets several runs at once reports once. A key the optimizer does not have is ignored.
     */
    void setValue(String key, double value) {
        ParamField field = field(key);
        if (field != null) {
            field.setText(Numbers.format(value));
            updateContext();
        }
    }

    void setSteps(int steps) {
        this.steps = steps;
        updateContext();
    }

    /** After the spec was built: the label and, for a step-only schedule, the preview of η. */
    void showConfig(RunConfig run) {
        label.setText(run.label());
        String svg = previewSvg(run, steps);
        preview.getElement().setProperty("innerHTML", svg == null ? "" : svg);
        preview.setVisible(svg != null);
    }

    void setStatus(String text, RunStatus runStatus) {
        this.runStatus = runStatus;
        status.setText(text);
        status.getElement().setAttribute("kind", runStatus.kind().id());
    }

    /** The run's status as the engine last reported it. */
    RunStatus status() {
        return runStatus;
    }

    String statusText() {
        return status.getText();
    }

    String labelText() {
        return label.getText();
    }

    ParamField field(String key) {
        return java.util.stream.Stream.concat(optimizerParams.stream(), scheduleParams.stream())
                .filter(f -> f.param().name().equals(key)).findFirst().orElse(null);
    }

    private void buildOptimizerFields(Map<String, String> values) {
        optimizerFields.removeAll();
        optimizerParams.clear();
        optimizer.setTooltipText(optimizer.getValue().summary());
        Param.Context context = new Param.Context(Double.NaN, steps);
        for (Param p : optimizer.getValue().params()) {
            ParamField f = new ParamField(p, context, () -> {
                updateContext();
                onChange.run();
            });
            if (values.containsKey(p.name())) {
                f.setText(values.get(p.name()));
            }
            optimizerParams.add(f);
            optimizerFields.add(f);
        }
    }

    private void buildScheduleFields(Map<String, String> values) {
        scheduleFields.removeAll();
        scheduleParams.clear();
        schedule.setTooltipText(schedule.getValue().summary());
        Param.Context context = scheduleContext();
        for (Param p : schedule.getValue().params()) {
            ParamField f = new ParamField(p, context, onChange);
            if (values.containsKey(p.name())) {
                f.setText(values.get(p.name()));
            }
            scheduleParams.add(f);
            scheduleFields.add(f);
        }
    }

    /** The optimizer's lr and the steps, on which schedule defaults depend. */
    private Param.Context scheduleContext() {
        double lr = Double.NaN;
        ParamField lrField = optimizerParams.stream().filter(f -> f.param().name().equals("lr")).findFirst().orElse(null);
        if (lrField != null && lrField.isValid()) {
            lr = Numbers.parse(lrField.text());
        }
        return new Param.Context(lr, steps);
    }

    private void updateContext() {
        Param.Context optimizerContext = new Param.Context(Double.NaN, steps);
        optimizerParams.forEach(f -> f.setContext(optimizerContext));
        Param.Context context = scheduleContext();
        scheduleParams.forEach(f -> f.setContext(context));
    }

    private static Map<String, String> texts(List<Param> params, Map<String, Double> values) {
        Map<String, String> out = new java.util.HashMap<>();
        for (Param p : params) {
            out.put(p.name(), p.format(values.get(p.name())));
        }
        return out;
    }

    /** A small SVG of η_t = lr·s_t over the run, or null for schedules that depend on the loss. */
    static String previewSvg(RunConfig run, int steps) {
        Schedule s = run.schedule().instance();
        if (run.schedule().method().id().equals("constant") && !(s instanceof Warmup)) {
            return null;
        }
        int samples = Math.min(steps, 120);
        int[] at = new int[samples + 1];
        for (int k = 0; k <= samples; k++) {
            at[k] = (int) ((long) k * (steps - 1) / Math.max(1, samples));
        }
        double[] v = Schedules.tabulate(s, at).orElse(null);
        if (v == null) {
            return null;
        }
        double max = Arrays.stream(v).max().orElse(0);
        if (!(max > 0) || !Double.isFinite(max)) {
            return null;
        }
        double w = 180, h = 40;
        StringBuilder points = new StringBuilder();
        for (int k = 0; k <= samples; k++) {
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", w * k / samples, h - 2 - (h - 4) * v[k] / max));
        }
        double lr = run.optimizer().instance().lr();
        return "<svg viewBox='0 0 180 40' width='180' height='40' role='img' aria-label='schedule preview'>"
                + "<polyline fill='none' stroke='currentColor' stroke-width='1.5' points='" + points.toString().trim() + "'/>"
                + "</svg><span class='preview-caption'>η from " + Numbers.format(round(lr * v[0])) + " to "
                + Numbers.format(round(lr * v[samples])) + " over " + steps + " steps (peak " + Numbers.format(round(lr * max)) + ")</span>";
    }

    /** Three significant digits ({@link Numbers#threeDigits}): the slider, the schedule preview and the lr finder show rates so. */
    static double round(double v) {
        return Numbers.threeDigits(v);
    }
}
