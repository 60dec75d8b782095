package org.lrplayground.lessons.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Emphasis;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.Locale;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.lessons.Lesson;
import org.lrplayground.lessons.Lessons;
import org.lrplayground.ui.MainLayout;

/** The course: one card per lesson, each opening the playground on the lesson's preset with the lesson beside it. */
@Route(value = "lessons", layout = MainLayout.class)
@PageTitle("Lessons · Learning-Rate Playground")
@StyleSheet("context://components/lessons.css")
public class LessonsView extends Div {

    public LessonsView() {
        addClassName("lessons-page");
        H1 title = new H1("Dynamic learning rates in fifteen experiments");
        Div intro = new Div(
                new Paragraph("Each lesson takes one claim about learning rates, from a single constant rate to "
                        + "Adagrad, RMSProp, Adam, Eve and schedules, and sets up the experiment that shows it. Open a "
                        + "lesson, press Run and read the explanation beside the charts; then change a setting and "
                        + "see whether the claim still holds."),
                new Paragraph(new Span("The claims come from the course's own documents: "), source("the forum",
                        "the fast.ai forum thread “Dynamic learning rates questions”, asked after lesson 4, and its replies; "),
                        source("the wiki", "the wiki page “Dynamic learning rates” written from those notes; "),
                        new Span("and "), source("the Q&A",
                        "an answer on tying the learning rate to the error, with Rosenbrock's banana as its warning."),
                        new Span(" Every number a lesson quotes was measured by running its experiment, and the test "
                                + "suite checks each claim on every build.")));
        intro.addClassName("intro");

        Div grid = new Div();
        grid.addClassName("lesson-grid");
        Lessons.ALL.forEach(l -> grid.add(card(l)));
        add(title, intro, grid);
    }

    private static Span source(String name, String description) {
        return new Span(new Emphasis(name), new Span(", " + description));
    }

    private static Article card(Lesson lesson) {
        Span number = new Span(String.valueOf(lesson.number()));
        number.addClassName("lesson-number");
        H2 title = new H2(lesson.title());
        Paragraph claim = new Paragraph(lesson.claim());
        claim.addClassName("lesson-claim");
        Span setup = new Span(setup(lesson.spec()));
        setup.addClassName("lesson-setup");
        Anchor open = new Anchor(href(lesson), "Open lesson " + lesson.number());
        open.addClassName("open");
        Article card = new Article(number, title, claim, setup, open);
        card.addClassName("lesson-card");
        return card;
    }

    /** What the experiment uses, e.g. "Rosenbrock · 3,000 steps · Adagrad, RMSProp". */
    static String setup(RunSpec spec) {
        return spec.surface().name() + " · " + String.format(Locale.ROOT, "%,d", spec.steps()) + " steps · "
                + String.join(", ", spec.runs().stream().map(r -> r.optimizer().method().name()).distinct().toList());
    }

    /** The playground with the lesson's preset and the lesson beside it, relative to the app's root. */
    static String href(Lesson lesson) {
        return "./?" + lesson.link();
    }
}
