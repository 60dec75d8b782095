package org.lrplayground.browser;

import com.microsoft.playwright.ConsoleMessage;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;

/**
 * What went wrong in the page's JavaScript during one test: console errors and uncaught
 * exceptions, in the order they happened. Playwright delivers them while the test calls
 * into the page, so assert after the last interaction you care about.
 */
public final class BrowserConsole {

    private final List<String> errors = new ArrayList<>();

    public BrowserConsole(Page page) {
        page.onConsoleMessage(this::record);
        page.onPageError(error -> errors.add("uncaught: " + error));
    }

    private void record(ConsoleMessage message) {
        // Chromium asks for /favicon.ico by itself; its 404 says nothing about the page's code.
        boolean favicon = message.location().contains("/favicon.ico");
        if ("error".equals(message.type()) && !favicon) {
            errors.add(message.text() + " (" + message.location() + ")");
        }
    }

    /** The errors seen so far; empty when the page behaved. */
    public List<String> errors() {
        return List.copyOf(errors);
    }
}
