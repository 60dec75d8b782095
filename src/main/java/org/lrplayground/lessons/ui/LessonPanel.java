package org.lrplayground.lessons.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Aside;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.lessons.Lesson;
import org.lrplayground.lessons.LessonFigure;
import org.lrplayground.lessons.LessonFigures;
import org.lrplayground.lessons.Lessons;
import org.lrplayground.ui.ChartSeries;
import org.lrplayground.ui.LineChart;
import org.lrplayground.ui.RaceDisplay;

/**
 * A lesson beside the playground: its claim, what the engine measured of it on the preset (a
 * sentence, and a chart where the claim is about a course over the steps), its explanation, a
 * button for each variant it talks about, a way back to its preset and links to the lessons before
 * and after it. Hidden while no lesson is shown.
 */
@StyleSheet("context://components/lessons.css")
public class LessonPanel extends Aside {

    private final Span position = new Span();
    private final H2 title = new H2();
    private final Paragraph claim = new Paragraph();
    private final Paragraph measured = new Paragraph();
    private final Div figure = new Div();
    private final LessonFigures figures;
    private final Div explanation = new Div();
    private final Div variants = new Div();
    private final Consumer<RunSpec> load;
    private final Anchor previous = new Anchor();
    private final Anchor next = new Anchor();
    private Lesson lesson;

    /**
     * @param figures measures each lesson's claim on its preset
     * @param load    called with the scene the user asks for: a variant, or the lesson's preset again
     * @param close   called after the user has closed the panel
     */
    public LessonPanel(LessonFigures figures, Consumer<RunSpec> load, Runnable close) {
        this.figures = figures;
        this.load = load;
        addClassName("lesson-panel");
        Anchor all = new Anchor("lessons", "All lessons");
        Button closeButton = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
            show("");
            close.run();
        });
        closeButton.setId("lesson-close");
        closeButton.setAriaLabel("Close the lesson");
        closeButton.setTooltipText("Close the lesson");
        closeButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_CONTRAST);
        position.addClassName("lesson-position");
        Div top = new Div(position, all, closeButton);
        top.addClassName("lesson-top");

        claim.addClassName("lesson-claim");
        measured.setId("lesson-measured");
        measured.addClassName("lesson-measured");
        figure.setId("lesson-figure");
        figure.addClassName("lesson-figure");
        explanation.addClassName("lesson-text");
        Button resetButton = new Button("Reset to the lesson's preset", VaadinIcon.REFRESH.create(),
                e -> load.accept(lesson.spec()));
        resetButton.setId("lesson-reset");
        resetButton.addThemeVariants(ButtonVariant.SMALL);
        previous.addClassName("previous");
        next.addClassName("next");
        Nav pager = new Nav(previous, next);
        pager.addClassName("lesson-pager");
        variants.addClassName("lesson-variants");
        add(top, title, claim, measured, figure, explanation, variants, resetButton, pager);
        setVisible(false);
    }

    /**
     * Shows the lesson with this id, or nothing for an empty id.
     *
     * @return why the id was ignored, for the link's notification, if no lesson has it
     */
    public Optional<String> show(String id) {
        lesson = id.isEmpty() ? null : Lessons.byId(id).orElse(null);
        setVisible(lesson != null);
        if (lesson == null) {
            return id.isEmpty() ? Optional.empty() : Optional.of("ignored lesson " + id + ": no such lesson (accepted: "
                    + String.join(", ", Lessons.ALL.stream().map(Lesson::id).toList()) + ")");
        }
        int index = Lessons.ALL.indexOf(lesson);
        position.setText("Lesson " + lesson.number() + " of " + Lessons.ALL.size());
        title.setText(lesson.title());
        claim.setText(lesson.claim());
        LessonFigure measuredFigure = figures.of(lesson);
        measured.setText(measuredFigure.measured());
        figure.removeAll();
        measuredFigure.chart().ifPresent(c -> figure.add(chart(c, lesson.spec().steps())));
        figure.setVisible(measuredFigure.chart().isPresent());
        explanation.getElement().setProperty("innerHTML", Markdown.toHtml(lesson.explanation()));
        variants.removeAll();
        lesson.variants().forEach(v -> {
            Button b = new Button(v.label(), VaadinIcon.FLASK.create(), e -> load.accept(v.spec()));
            b.addThemeVariants(ButtonVariant.SMALL);
            b.addClassName("lesson-variant");
            variants.add(b);
        });
        variants.setVisible(!lesson.variants().isEmpty());
        link(previous, index > 0 ? Lessons.ALL.get(index - 1) : null, "← %d. %s");
        link(next, index < Lessons.ALL.size() - 1 ? Lessons.ALL.get(index + 1) : null, "%d. %s →");
        return Optional.empty();
    }

    /** A fresh chart: its y axis is named once, when it is made. */
    private static LineChart chart(LessonFigure.Chart c, int steps) {
        LineChart chart = new LineChart(c.yName(), false);
        chart.setLastStep(steps);
        // Its lines have their runs' colours, so the race display's legend names them; its own
        // would crowd a chart this small.
        chart.setLegend(false);
        chart.setSeries(c.lines().stream().map(l -> new ChartSeries("run-" + l.run(), l.run(), l.name(),
                RaceDisplay.COLORS.get(l.run()), false)).toList());
        c.lines().forEach(l -> chart.append("run-" + l.run(), l.steps(), l.values()));
        c.marker().ifPresent(m -> chart.setMarkers(List.of(new LineChart.Marker(m.step(), m.label()))));
        return chart;
    }

    private static void link(Anchor anchor, Lesson to, String format) {
        anchor.setVisible(to != null);
        if (to != null) {
            anchor.setHref(LessonsView.href(to));
            anchor.setText(format.formatted(to.number(), to.title()));
        }
    }

    /** The id of the lesson shown, or "" for none: what the link's {@code lesson=} carries. */
    public String lessonId() {
        return lesson == null ? "" : lesson.id();
    }
}
