package org.lrplayground.playground.ui;

import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;

/** The bar above the race: Run / Pause, Step, Reset, the speed, side by side, undo and redo. */
class RaceControls extends Div {

    final Button run = new Button("Run", VaadinIcon.PLAY.create());
    final Button step = new Button("Step", VaadinIcon.STEP_FORWARD.create());
    final Button reset = new Button("Reset", VaadinIcon.REFRESH.create());
    final Select<Speed> speed = new Select<>();
    final Checkbox sideBySide = new Checkbox("Side by side");
    final Button undo = new Button(VaadinIcon.ARROW_BACKWARD.create());
    final Button redo = new Button(VaadinIcon.ARROW_FORWARD.create());
    private final Span hint = new Span("space: run/pause · ← →: step back, forward · Ctrl+Z: undo · click the plot to move the start");

    RaceControls() {
        addClassName("controls");
        run.setId("run");
        step.setId("step");
        reset.setId("reset");
        speed.setId("speed");
        undo.setId("undo");
        redo.setId("redo");
        run.addThemeVariants(ButtonVariant.PRIMARY);
        speed.setLabel("Speed");
        speed.setItems(Speed.values());
        speed.setItemLabelGenerator(s -> s.label);
        speed.setValue(Speed.DEFAULT);
        undo.setAriaLabel("Undo");
        undo.setTooltipText("Undo the last change of the scene (Ctrl+Z)");
        redo.setAriaLabel("Redo");
        redo.setTooltipText("Redo (Ctrl+Shift+Z)");
        undo.addThemeVariants(ButtonVariant.TERTIARY);
        redo.addThemeVariants(ButtonVariant.TERTIARY);
        hint.addClassName("hint");
        add(run, step, reset, speed, sideBySide, undo, redo);
    }

    /**
     * Enables or disables a component only when that changes: a Button's setEnabled sends a script
     * call to the page every time, even with the state it already has.
     */
    static void enable(HasEnabled component, boolean on) {
        if (component.isEnabled() != on) {
            component.setEnabled(on);
        }
    }

    /** Places further controls (export, share) before the keyboard hint. */
    void addTrailing(com.vaadin.flow.component.Component... more) {
        add(more);
        add(hint);
    }

    /** Shows the race's state: only a change goes to the page, since this runs after every edit. */
    void update(boolean valid, boolean playing, boolean finished, boolean started, boolean canUndo, boolean canRedo) {
        enable(run, valid);
        enable(step, valid && !finished);
        enable(reset, valid && started);
        enable(undo, canUndo);
        enable(redo, canRedo);
        String text = playing ? "Pause" : finished ? "Run again" : "Run";
        if (!text.equals(run.getText())) {
            run.setText(text);
            run.setIcon(playing ? VaadinIcon.PAUSE.create() : VaadinIcon.PLAY.create());
        }
    }
}
