package org.lrplayground.playground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.lessons.Lesson;
import org.lrplayground.lessons.Lessons;
import org.lrplayground.race.RaceService;
import org.lrplayground.link.PageLink;
import org.lrplayground.link.PageOptions;

/** A link with {@code lesson=<id>} opens the lesson's explanation beside the playground. */
@ViewPackages(classes = PlaygroundView.class)
class PlaygroundLessonTest extends BrowserlessTest {

    private static final Lesson ADAGRAD = Lessons.byId("adagrad-shrinks").orElseThrow();

    @Override
    protected Set<Class<?>> lookupServices() {
        return Set.of(PlaygroundViewTest.ServiceInjectingInstantiatorFactory.class);
    }

    @AfterEach
    void closeRaces() {
        PlaygroundViewTest.service.destroy();
        PlaygroundViewTest.service = new RaceService(2, 1L << 30);
    }

    private PlaygroundView open(String query) {
        UI.getCurrent().navigate("", QueryParameters.fromString(query));
        return (PlaygroundView) getCurrentView();
    }

    private static String link(Lesson lesson) {
        return lesson.link();
    }

    private String explanationHtml(PlaygroundView view) {
        return $(Div.class).from(view.lesson).withClassName("lesson-text").single().getElement().getProperty("innerHTML");
    }

    @Test
    void aLessonLinkOpensThePresetWithTheLessonBesideIt() {
        PlaygroundView view = open(link(ADAGRAD));

        assertThat(view.spec()).isEqualTo(ADAGRAD.spec());
        assertThat(view.location()).isEqualTo("?" + link(ADAGRAD));
        assertThat(view.lesson.isVisible()).isTrue();
        assertThat(view.lesson.getElement().getTextRecursively()).contains("Lesson 3 of " + Lessons.ALL.size(), ADAGRAD.claim());
        assertThat($(H2.class).from(view.lesson).single().getText()).isEqualTo(ADAGRAD.title());
        assertThat(explanationHtml(view)).contains("<strong>all</strong>", "<em>“The one downfall is")
                .doesNotContain("**");
        assertThat($(Notification.class).exists()).isFalse();
    }

    @Test
    void theLessonsNeighboursAndTheCourseAreLinked() {
        PlaygroundView view = open(link(ADAGRAD));

        List<String> hrefs = $(Anchor.class).from(view.lesson).all().stream().map(Anchor::getHref).toList();
        assertThat(hrefs).containsExactly("lessons", "./?" + link(Lessons.ALL.get(1)), "./?" + link(Lessons.ALL.get(3)));
        assertThat($(Anchor.class).from(view.lesson).withClassName("next").single().getText())
                .isEqualTo("4. RMSProp's rate can grow again →");

        open(link(Lessons.ALL.getFirst()));
        assertThat($(Anchor.class).from(view.lesson).withClassName("previous").exists()).isFalse();
        assertThat($(Anchor.class).withText("Lessons").single().getHref()).isEqualTo("lessons");
    }

    @Test
    void resetRestoresTheLessonsPresetAndKeepsTheLesson() {
        PlaygroundView view = open(link(ADAGRAD));
        test(view.problem.steps.textField()).setValue("50");
        test(view.runs.runs.get(1).remove).click();
        assertThat(view.spec()).isNotEqualTo(ADAGRAD.spec());

        test($(Button.class).id("lesson-reset")).click();

        assertThat(view.spec()).isEqualTo(ADAGRAD.spec());
        assertThat(view.runs.runs).hasSize(2);
        assertThat(view.location()).isEqualTo("?" + link(ADAGRAD));
    }

    @Test
    void aVariantsButtonLoadsTheSceneTheExplanationTalksAboutAndKeepsTheLesson() {
        Lesson momentum = Lessons.byId("momentum").orElseThrow();
        PlaygroundView view = open(link(momentum));
        assertThat($(Button.class).from(view.lesson).withClassName("lesson-variant").all())
                .extracting(Button::getText).containsExactly("On the saddle");

        test($(Button.class).from(view.lesson).withClassName("lesson-variant").single()).click();

        assertThat(view.spec()).isEqualTo(momentum.variants().getFirst().spec());
        assertThat(view.lesson.lessonId()).isEqualTo("momentum");
        assertThat(view.location()).contains("surface=saddle").endsWith("&lesson=momentum");

        open(link(ADAGRAD));
        assertThat($(Button.class).from(view.lesson).withClassName("lesson-variant").exists()).isFalse();
    }

    @Test
    void closingTheLessonKeepsTheSceneAndDropsTheLessonFromTheAddress() {
        PlaygroundView view = open(link(ADAGRAD));

        test($(Button.class).id("lesson-close")).click();

        assertThat(view.lesson.isVisible()).isFalse();
        assertThat(view.spec()).isEqualTo(ADAGRAD.spec());
        assertThat(view.location()).isEqualTo("?" + PageLink.format(ADAGRAD.spec(), PageOptions.NONE.withSpeed("1000")))
                .as("the lesson's speed stays").contains("&speed=1000");
    }

    @Test
    void anUnknownLessonIsReportedAndTheRestOfTheLinkOpens() {
        PlaygroundView view = open("surface=booth&steps=123&run=sgd&lesson=nosuch");

        assertThat(view.lesson.isVisible()).isFalse();
        assertThat(view.spec().steps()).isEqualTo(123);
        assertThat(view.location()).doesNotContain("lesson=");
        List<String> problems = $(ListItem.class).from($(Notification.class).single()).all().stream().map(ListItem::getText).toList();
        assertThat(problems).singleElement().asString()
                .startsWith("ignored lesson nosuch: no such lesson (accepted: too-small-too-large, momentum, ")
                .endsWith(", " + Lessons.ALL.getLast().id() + ")");
    }

    @Test
    void aLinkWithoutALessonShowsNoPanel() {
        PlaygroundView view = navigate(PlaygroundView.class);

        assertThat(view.lesson.isVisible()).isFalse();
        assertThat(view.location()).doesNotContain("lesson=");
    }
}
