package org.lrplayground.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * A browser test: the whole application on a random port, driven by a headless Chromium.
 *
 * <p>Test methods may declare a {@link com.microsoft.playwright.Page} (fresh per test, its
 * base URL is the running app, so {@code page.navigate("/")} works) and the page's
 * {@link BrowserConsole}. One browser serves all tests of a class; a failing test leaves a
 * screenshot under {@code target/browser-failures/}. Name the class {@code *IT}: failsafe
 * runs those in {@code verify}, after the jar is packaged. From an IDE, run
 * {@code ./mvnw package} once first: production mode needs the bundle that build leaves in
 * {@code target/classes}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// Production mode: the same pre-compiled Vaadin bundle as the packaged jar, so the tests never
// need Node and never depend on the dev-mode bundle check or the dev tools' websocket.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"vaadin.productionMode=true", "lrp.trusted-proxies=127.0.0.1,::1"})
@WithBrowser
public @interface InBrowser {
}
