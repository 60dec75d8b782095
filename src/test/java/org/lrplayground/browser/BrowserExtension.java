package org.lrplayground.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Drives Debian's Chromium through Playwright for {@link WithBrowser}s (and so {@link InBrowser}s):
 * one browser per test class, a fresh browser context and page per test, a screenshot when a test
 * fails. Under {@link SpringBootTest} the pages' base URL is the application's.
 *
 * <p>Playwright never downloads a browser here: we launch the system Chromium (override the
 * path with {@code -Dbrowser.executable=…}) and tell the driver to skip its browser download,
 * which it would otherwise attempt on every {@code Playwright.create()}.
 */
final class BrowserExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(BrowserExtension.class);
    private static final Path CHROMIUM = Path.of(System.getProperty("browser.executable", "/usr/bin/chromium"));
    private static final Path FAILURES = Path.of("target", "browser-failures");
    // Quiet, deterministic Chromium: no sandbox (containers run as root), no GPU, no
    // background traffic to update, sync or phone home.
    private static final List<String> CHROMIUM_ARGS = List.of(
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync");

    /** The class-wide Playwright driver and browser; the store closes it after the class. */
    private record Session(Playwright playwright, Browser browser) implements AutoCloseable {
        @Override
        public void close() {
            playwright.close(); // closes the browser too
        }
    }

    /** One test's isolated browser state. */
    private record Tab(BrowserContext context, Page page, BrowserConsole console) implements AutoCloseable {
        @Override
        public void close() {
            context.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("Browser tests need Chromium at " + CHROMIUM
                    + " (Debian: apt-get install chromium; elsewhere pass -Dbrowser.executable=<path>)");
        }
        // Playwright's 5 s default is too short for the first, JIT-cold page load of a freshly
        // started server on a busy two-core CI machine; a passing test never waits this long.
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        context.getStore(NAMESPACE).computeIfAbsent(Session.class, key -> {
            Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(CHROMIUM_ARGS));
            return new Session(playwright, browser);
        }, Session.class);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Browser browser = context.getStore(NAMESPACE).get(Session.class, Session.class).browser();
        Browser.NewContextOptions options = new Browser.NewContextOptions();
        if (AnnotationSupport.isAnnotated(context.getRequiredTestClass(), SpringBootTest.class)) {
            options.setBaseURL(baseUrl(context));
        }
        BrowserContext browserContext = browser.newContext(options);
        Page page = browserContext.newPage();
        context.getStore(NAMESPACE).put(Tab.class, new Tab(browserContext, page, new BrowserConsole(page)));
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        // Closed here rather than by the store so that the screenshot comes first.
        try (Tab tab = context.getStore(NAMESPACE).remove(Tab.class, Tab.class)) {
            if (context.getExecutionException().isPresent()) {
                Files.createDirectories(FAILURES);
                Path file = FAILURES.resolve(context.getRequiredTestClass().getSimpleName() + "."
                        + context.getRequiredTestMethod().getName() + ".png");
                tab.page().screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Page.class || type == BrowserConsole.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Tab tab = context.getStore(NAMESPACE).get(Tab.class, Tab.class);
        return parameter.getParameter().getType() == Page.class ? tab.page() : tab.console();
    }

    private static String baseUrl(ExtensionContext context) {
        String port = SpringExtension.getApplicationContext(context).getEnvironment()
                .getRequiredProperty("local.server.port");
        return "http://localhost:" + port;
    }
}
