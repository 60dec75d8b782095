package org.lrplayground.share;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lrplayground.browser.BrowserConsole;
import org.lrplayground.browser.InBrowser;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.link.PageLink;
import org.lrplayground.link.PageOptions;

/** A teacher shares a scene; students who open the link, the short link, its QR code or an embed see the same. */
@InBrowser
class ShareIT {

    private static final String SCENE = "surface=rosenbrock&start=-1.5,2&steps=300&run=adam:lr=0.05&run=sgd:lr=0.001";
    /** Waits until the surface and the start marker are drawn. */
    private static final String DRAWN = "() => { const e = document.querySelector('lr-surface-plot');"
            + " return e && e._chart && e._surface && e.startPoint; }";

    private static void open(Page page, String query) {
        page.navigate("/?" + query);
        page.waitForFunction(DRAWN);
    }

    private static void openShareDialog(Page page) {
        page.click("#share");
        page.waitForFunction("() => document.querySelector('#share-link')?.value.startsWith('http')");
    }

    /** The slide's iframe. */
    private static Frame embedded(Page page) {
        return page.frames().stream().filter(f -> f != page.mainFrame()).findFirst().orElseThrow();
    }

    private static String value(Page page, String selector) {
        return (String) page.evaluate("s => document.querySelector(s).value", selector);
    }

    @Test
    void theShortLinkAndItsQrCodeOpenTheSameSceneWithTheControlsHiddenAndTheRunsGoing(Page page, BrowserConsole console)
            throws Exception {
        open(page, SCENE);
        openShareDialog(page);
        page.getByLabel("Start the runs when the link opens").check();
        page.getByLabel("Runs (optimizers and their settings)").check();
        page.getByLabel("Problem (surface, start, steps)").check();

        RunSpec spec = RunFormat.parse(SCENE);
        PageOptions options = PageOptions.NONE.withPlay(true).withHide(List.of("problem", "runs"));
        String origin = page.url().substring(0, page.url().indexOf('/', "http://".length()));
        String link = origin + "/?" + PageLink.format(spec, options);
        page.waitForFunction("l => document.querySelector('#share-link').value === l", link);

        page.click("#share-make-short");
        page.waitForFunction("() => { const q = document.querySelector('#share-qr'); return q && q.complete && q.naturalWidth > 0; }");
        String shortLink = value(page, "#share-short-link");
        assertThat(shortLink).matches(origin + "/s/[0-9A-Za-z]{10}");
        assertThat(page.locator("#share-qr").getAttribute("alt")).isEqualTo(shortLink);
        String qrSource = (String) page.evaluate("() => document.querySelector('#share-qr').src");
        assertThat(QrReader.read(page.request().get(qrSource).body())).isEqualTo(shortLink);
        assertThat(console.errors()).isEmpty();

        // A student: another browser, no session, the short link as the phone read it.
        try (BrowserContext student = page.context().browser().newContext()) {
            Page phone = student.newPage();
            List<String> errors = new ArrayList<>();
            phone.onConsoleMessage(m -> {
                if (m.type().equals("error")) {
                    errors.add(m.text());
                }
            });
            phone.navigate(shortLink);
            phone.waitForFunction(DRAWN);

            PageLink.Opened opened = PageLink.open(phone.url().substring(phone.url().indexOf('?') + 1));
            assertThat(opened.spec()).isEqualTo(spec);
            assertThat(opened.notes()).isEmpty();
            assertThat(phone.locator(".problem-panel")).isHidden();
            assertThat(phone.locator(".runs-panel")).isHidden();
            assertThat(phone.locator("#run")).isVisible();
            phone.waitForFunction("() => document.querySelector('lr-surface-plot').pointCount > 20");
            assertThat(errors).isEmpty();
        }
    }

    @Test
    void everyCopyButtonPutsItsTextOnTheClipboardAndSaysSo(Page page, BrowserConsole console) {
        page.context().grantPermissions(List.of("clipboard-read", "clipboard-write"));
        open(page, SCENE);
        openShareDialog(page);
        page.getByLabel("Line charts").check();
        page.waitForFunction("() => document.querySelector('#share-link').value.endsWith('&hide=charts')");

        page.click("#share-copy-link");

        assertThat(page.locator("#share-copy-link")).hasText("Copied");
        assertThat(page.evaluate("() => navigator.clipboard.readText()")).isEqualTo(value(page, "#share-link"));
        page.click("#share-copy-embed");
        assertThat(page.locator("#share-copy-embed")).hasText("Copied");
        assertThat((String) page.evaluate("() => navigator.clipboard.readText()")).startsWith("<iframe src=\"http")
                .endsWith("&amp;hide=charts\" width=\"1000\" height=\"700\" title=\"Learning-Rate Playground\" loading=\"lazy\"></iframe>");

        // The short link's row is hidden until a link is made: its button must still copy once it shows.
        page.click("#share-make-short");
        page.waitForFunction("() => /\\/s\\/[0-9A-Za-z]{10}$/.test(document.querySelector('#share-short-link')?.value)");
        page.click("#share-copy-short");
        assertThat(page.locator("#share-copy-short")).hasText("Copied");
        assertThat(page.evaluate("() => navigator.clipboard.readText()")).isEqualTo(value(page, "#share-short-link"));
        assertThat(console.errors()).isEmpty();
    }

    @Test
    void theEmbedSnippetRunsThePlaygroundInAnotherSitesPageServedOverHttps(Page page, BrowserConsole console)
            throws Exception {
        assertThat(page.request().get("/?" + SCENE).headers()).doesNotContainKey("x-frame-options");
        // As behind a TLS-terminating proxy, which makes the session cookie embeddable (EmbeddableSessionCookies);
        // Chromium accepts Secure cookies from http://localhost.
        page.context().setExtraHTTPHeaders(Map.of("X-Forwarded-Proto", "https"));
        open(page, SCENE);
        openShareDialog(page);
        page.getByLabel("Start the runs when the link opens").check();
        page.waitForFunction("() => document.querySelector('#share-embed').value.includes('play=1')");
        try (Slides slides = Slides.serve(value(page, "#share-embed"))) {
            page.navigate(slides.url("127.0.0.1"));

            assertThat(page.frameLocator("iframe").locator("h1")).hasText("Learning-Rate Playground");
            Frame embedded = embedded(page);
            embedded.waitForFunction(DRAWN);
            embedded.waitForFunction("() => document.querySelector('lr-surface-plot').pointCount > 20");
        }
        assertThat(console.errors()).isEmpty();
    }

    @Test
    void overPlainHttpTheEmbedRunsOnThePlaygroundsOwnSiteAndOnAnotherSaysItNeedsHttps(Page page, BrowserConsole console)
            throws Exception {
        String playground = page.request().get("/?" + SCENE).url();
        try (Slides slides = Slides.serve("<iframe src=\"" + playground + "\" width=\"1000\" height=\"700\"></iframe>")) {
            page.navigate(slides.url("localhost"));
            assertThat(page.frameLocator("iframe").locator("h1")).hasText("Learning-Rate Playground");
            embedded(page).waitForFunction(DRAWN);

            page.navigate(slides.url("127.0.0.1"));
            FrameLocator embed = page.frameLocator("iframe");
            assertThat(embed.locator("body")).containsText("This embedded playground needs HTTPS");
            assertThat(embedded(page).url()).contains(PlainHttpEmbeds.EXPLANATION + "?page=");
            assertThat(embed.locator("body")).not().containsText("Cookies disabled");
            Locator direct = embed.getByRole(AriaRole.LINK, new FrameLocator.GetByRoleOptions().setName("Open it directly"));
            assertThat(direct).hasAttribute("href", playground);
            assertThat(direct).hasAttribute("target", "_blank");
        }
        assertThat(console.errors()).isEmpty();
    }

    /**
     * A teacher's page on another server, local so that Chromium's local network access checks
     * (public pages framing local ones) stay out of it.
     */
    private record Slides(HttpServer server) implements AutoCloseable {
        /** Serves a slide that shows {@code embed}, an iframe snippet. */
        static Slides serve(String embed) throws IOException {
            String html = "<!DOCTYPE html><html><head><title>Week 3</title></head><body><h1>Week 3: adaptive rates</h1>"
                    + embed + "</body></html>";
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            server.createContext("/week3.html", exchange -> {
                byte[] body = html.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return new Slides(server);
        }

        /** The slide's address by {@code host}: "127.0.0.1" is another site than the playground, "localhost" is its own. */
        String url(String host) {
            return "http://" + host + ":" + server.getAddress().getPort() + "/week3.html";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
