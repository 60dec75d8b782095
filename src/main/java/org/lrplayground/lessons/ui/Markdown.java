package org.lrplayground.lessons.ui;

import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.parser.PostProcessor;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown to HTML on the server. Vaadin's Markdown element is not in the pre-compiled bundle, and
 * HTML made here can be checked by tests without a browser.
 */
final class Markdown {

    // Parser and renderer are immutable and thread-safe. The texts are ours, but raw HTML is still
    // escaped and link targets sanitised: Markdown is the only markup a lesson may bring.
    private static final Parser PARSER = Parser.builder().postProcessor(new TypographicQuotes()).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private Markdown() {
    }

    static String toHtml(String markdown) {
        return RENDERER.render(PARSER.parse(markdown));
    }

    /**
     * “Quotes” and apostrophes (’) in prose, as a printed course has them; code keeps its straight
     * quotes, as it is not a Text node. A double quote opens at the start of a text or after a space
     * or bracket, and closes elsewhere; every single quote in the lessons is an apostrophe.
     */
    private static final class TypographicQuotes extends AbstractVisitor implements PostProcessor {

        private static final Pattern OPENING = Pattern.compile("(^|[\\s(\\[])\"");

        @Override
        public Node process(Node document) {
            document.accept(this);
            return document;
        }

        @Override
        public void visit(Text text) {
            text.setLiteral(OPENING.matcher(text.getLiteral()).replaceAll("$1“").replace('"', '”').replace('\'', '’'));
        }
    }
}
