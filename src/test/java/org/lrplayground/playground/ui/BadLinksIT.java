package org.lrplayground.playground.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lrplayground.browser.BrowserConsole;
import org.lrplayground.browser.InBrowser;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.link.PageLink;

/**
 * Links last, in the browser: a damaged or future link opens the playground with every valid part,
 * one notification naming each ignored part, a normalised link in the address bar, and no error.
 */
@InBrowser
class BadLinksIT {

    static Stream<Arguments> badLinks() {
        return Stream.of(
                Arguments.of("run=lion&run=adam:lr=0.05", "ignored run 1: unknown optimizer 'lion'", "run=adam:lr=0.05"),
                Arguments.of("surface=nowhere&run=sgd", "ignored surface: unknown surface 'nowhere'", "run=sgd"),
                Arguments.of("surface=booth&steps=0&run=sgd:lr=fast", "ignored steps", "surface=booth&run=sgd"),
                Arguments.of("surface=custom&f=x*(y&run=momentum", "ignored f", "run=momentum"),
                Arguments.of("surface=booth&run=sgd&steps=%zz", "ignored steps", "surface=booth&run=sgd"),
                Arguments.of("surface=booth&run=sgd:lr=0.01%C3%28", "ignored lr in run 1", "surface=booth&run=sgd"),
                Arguments.of("v=2&future=1&surface=booth&run=adam", "ignored future: unknown parameter 'future'",
                        "surface=booth&run=adam"),
                Arguments.of("surface=booth&run=sgd&hide=sparkles&speed=ludicrous",
                        "ignored hide sparkles: no such control", "surface=booth&run=sgd"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLinks")
    void aBadLinkOpensWithItsValidPartsAndOneNotification(String link, String note, String validParts, Page page,
                                                          BrowserConsole console) {
        Response response = page.navigate("/?" + link);

        assertThat(response.status()).isEqualTo(200);
        assertThat(page.locator("vaadin-notification-card")).hasCount(1);
        assertThat(page.locator("vaadin-notification-card")).containsText("This link opened with some parts left out");
        assertThat(page.locator("vaadin-notification-card")).containsText(note);
        page.waitForFunction("() => { const e = document.querySelector('lr-surface-plot'); return e && e._surface; }");
        page.waitForFunction("() => location.search.startsWith('?v=1&')");
        String shown = page.url().substring(page.url().indexOf('?') + 1);
        assertThat(PageLink.open(shown).spec()).isEqualTo(RunFormat.parse(validParts));
        assertThat(console.errors()).isEmpty();
    }
}
