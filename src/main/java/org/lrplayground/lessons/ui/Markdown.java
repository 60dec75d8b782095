package org.lrplayground.lessons.ui;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown to HTML on the server. Vaadin's Markdown element is not in the pre-compiled bundle, and
 * HTML made here can be checked by tests without a browser.
 */
final class Markdown {

    // Parser and renderer are immutable and thread-safe. The texts are ours, but raw HTML is still
    // escaped and link targets sanitised: Markdown is the only markup a lesson may bring.
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private Markdown() {
    }

    static String toHtml(String markdown) {
        return RENDERER.render(PARSER.parse(markdown));
    }
}
