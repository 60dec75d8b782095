package org.lrplayground.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Debian's Chromium for a test, with a {@link com.microsoft.playwright.Page} and its
 * {@link BrowserConsole} per test method, as {@link InBrowser} has them, but without starting the
 * application: for a test that starts its own servers, its pages have no base URL and navigate
 * to absolute addresses.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(BrowserExtension.class)
public @interface WithBrowser {
}
