package org.lrplayground.lessons.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.lessons.Lesson;
import org.lrplayground.lessons.Lessons;
import org.lrplayground.link.PageLink;
import org.lrplayground.link.PageOptions;

/** The course page lists every lesson, and every card's link opens exactly that lesson's preset. */
@ViewPackages(classes = LessonsView.class)
class LessonsViewTest extends BrowserlessTest {

    @Test
    void oneCardPerLessonInTeachingOrderWithItsNumberTitleAndClaim() {
        navigate(LessonsView.class);

        List<Article> cards = $(Article.class).withClassName("lesson-card").all();
        assertThat(cards).hasSameSizeAs(Lessons.ALL).hasSize(15);
        for (int i = 0; i < cards.size(); i++) {
            Lesson lesson = Lessons.ALL.get(i);
            Article card = cards.get(i);
            assertThat(card.getElement().getTextRecursively()).startsWith(String.valueOf(lesson.number()));
            assertThat($(H2.class).from(card).single().getText()).isEqualTo(lesson.title());
            assertThat($(Paragraph.class).from(card).single().getText()).isEqualTo(lesson.claim());
        }
        assertThat(cards.get(2).getElement().getTextRecursively()).contains("Rosenbrock · 3,000 steps · Adagrad, RMSProp");
    }

    @Test
    void everyLessonsLinkRoundTripsToItsPresetAndItsId() {
        navigate(LessonsView.class);

        List<Article> cards = $(Article.class).withClassName("lesson-card").all();
        for (int i = 0; i < cards.size(); i++) {
            Lesson lesson = Lessons.ALL.get(i);
            String href = $(Anchor.class).from(cards.get(i)).withClassName("open").single().getHref();
            assertThat(href).startsWith("./?v=1&");

            PageLink.Opened link = PageLink.open(href.substring("./?".length()));

            assertThat(link.notes()).as(lesson.id()).isEmpty();
            assertThat(link.spec()).as(lesson.id()).isEqualTo(lesson.spec());
            assertThat(link.options()).as(lesson.id()).isEqualTo(lesson.options()).extracting(PageOptions::lesson).isEqualTo(lesson.id());
        }
    }
}
