package org.lrplayground.lessons.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.lrplayground.lessons.Lesson;
import org.lrplayground.lessons.Lessons;

/** The lessons' Markdown becomes HTML, and nothing else does. */
class MarkdownTest {

    static final List<Lesson> LESSONS = Lessons.ALL;

    @Test
    void emphasisListsAndCodeBecomeHtml() {
        assertThat(Markdown.toHtml("A **bold** and *quoted* claim with `lr=0.1`.\n\n- one\n- two\n"))
                .isEqualTo("<p>A <strong>bold</strong> and <em>quoted</em> claim with <code>lr=0.1</code>.</p>\n"
                        + "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n");
    }

    @Test
    void proseGetsTypographicQuotesAndCodeKeepsItsOwn() {
        assertThat(Markdown.toHtml("*\"Don't,\"* she said (\"twice\"): `a=\"b's\"`"))
                .isEqualTo("<p><em>“Don’t,”</em> she said (“twice”): <code>a=&quot;b's&quot;</code></p>\n");
    }

    @Test
    void rawHtmlAndScriptLinksAreNeutralised() {
        String html = Markdown.toHtml("<script>alert(1)</script>\n\nA <b onclick=\"x()\">b</b> [link](javascript:alert)");

        assertThat(html).doesNotContain("<script", "<b ", "href=\"javascript").contains("&lt;script&gt;", "&lt;b onclick", "href=\"\">link</a>");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("LESSONS")
    void everyExplanationIsWellFormedMarkdown(Lesson lesson) {
        String html = Markdown.toHtml(lesson.explanation());

        assertThat(html).startsWith("<p>").contains("<em>");
        assertThat(html).as("every emphasis was closed").doesNotContain("**", "*“", "”*", "*<", ">*");
        assertThat(html).as("no straight quotes left").doesNotContain("&quot;");
        long opening = html.chars().filter(c -> c == '“').count();
        assertThat(html.chars().filter(c -> c == '”').count()).as("quotes paired").isEqualTo(opening).isPositive();
    }
}
