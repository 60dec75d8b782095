package org.lrplayground.playground.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.dom.Element;
import java.util.function.IntConsumer;

/**
 * The race's timeline: a slider over the steps delivered so far, step back and step forward, and
 * "Explain this step". It only shows where {@link LiveRace} stands ({@link #show}) and tells it
 * what the user asked; scrubbing moves markers over points the page already has.
 */
class Timeline extends Div {

    final Button back = new Button(VaadinIcon.STEP_BACKWARD.create());
    final Element slider = new Element("input");
    final Button forward = new Button(VaadinIcon.STEP_FORWARD.create());
    final Span label = new Span();
    final Button explain = new Button("Explain this step", VaadinIcon.QUESTION_CIRCLE_O.create());
    private int max = -1;
    private int value = -1;
    private IntConsumer scrubbed = step -> {
    };
    private Runnable stepBack = () -> {
    };
    private Runnable stepOn = () -> {
    };
    private Runnable explained = () -> {
    };

    Timeline() {
        addClassName("timeline");
        back.setId("step-back");
        back.setAriaLabel("Step back");
        back.setTooltipText("Show the step before (←)");
        back.addThemeVariants(ButtonVariant.TERTIARY);
        back.addClickListener(e -> stepBack.run());
        forward.setId("step-forward");
        forward.setAriaLabel("Step forward");
        forward.setTooltipText("Show the next step; at the last one, compute one more (→)");
        forward.addThemeVariants(ButtonVariant.TERTIARY);
        forward.addClickListener(e -> stepOn.run());
        slider.setAttribute("type", "range");
        slider.setAttribute("id", "timeline");
        slider.setAttribute("min", "0");
        slider.setAttribute("step", "1");
        slider.setAttribute("aria-label", "step shown");
        // Every move while dragging, and the value where it is let go (a throttled move may miss that one).
        slider.addEventListener("input", e -> scrubbed.accept((int) e.getEventData().get("element.value").asDouble()))
                .addEventData("element.value").throttle(60);
        slider.addEventListener("change", e -> scrubbed.accept((int) e.getEventData().get("element.value").asDouble()))
                .addEventData("element.value");
        label.addClassName("timeline-step");
        explain.setId("explain");
        explain.addThemeVariants(ButtonVariant.SMALL);
        explain.setTooltipText("The optimizer's equations at this step, with its numbers");
        explain.addClickListener(e -> explained.run());
        Div track = new Div();
        track.addClassName("timeline-track");
        track.getElement().appendChild(back.getElement(), slider, forward.getElement());
        add(track, label, explain);
        setVisible(false);
    }

    /**
     * @param scrubbed called with the step the slider was moved to
     * @param stepBack called by the step-back button
     * @param stepOn   called by the step-forward button
     * @param explain  called by "Explain this step"
     */
    void onMoves(IntConsumer scrubbed, Runnable stepBack, Runnable stepOn, Runnable explain) {
        this.scrubbed = scrubbed;
        this.stepBack = stepBack;
        this.stepOn = stepOn;
        this.explained = explain;
    }

    /**
     * Shows step {@code step} of the {@code last} delivered so far; hidden until a run has made a step.
     *
     * @param canStepOn whether the race has more to compute beyond {@code last}
     */
    void show(int last, int step, boolean canStepOn) {
        setVisible(last >= 1);
        if (last != max) {
            max = last;
            slider.setAttribute("max", Integer.toString(Math.max(0, last)));
        }
        if (step != value) {
            value = step;
            slider.setProperty("value", Integer.toString(step));
            slider.setAttribute("aria-valuetext", "step " + step + " of " + last);
        }
        label.setText("step " + step + " of " + last);
        RaceControls.enable(back, step > 0);
        RaceControls.enable(forward, step < last || canStepOn);
        RaceControls.enable(explain, last >= 1);
    }
}
