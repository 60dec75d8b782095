package org.lrplayground.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lrplayground.browser.BrowserConsole;
import org.lrplayground.browser.InBrowser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every page works under the Content-Security-Policy: the browser reports no violation anywhere. */
@InBrowser
class ContentSecurityPolicyIT {

    /** Every violation the browser reports, kept across the page's life. */
    private static final String RECORD = "document.addEventListener('securitypolicyviolation',"
            + " (e) => (window.violations ??= []).push(e.effectiveDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));";

    private static void assertNoViolation(Page page) {
        assertThat((List<?>) page.evaluate("() => window.violations ?? []")).as("violations on %s", page.url()).isEmpty();
    }

    @Test
    void thePlaygroundLessonsThreeDShareDialogBoardAndJoinPageRunUnderThePolicy(Page page, BrowserConsole console) {
        page.addInitScript(RECORD);
        page.setViewportSize(1400, 900);
        Response response = page.navigate("/?surface=rosenbrock&start=-1.5,2&steps=100&run=adam:lr=0.05&lesson=adagrad-shrinks&view=3d&play=1");
        String policy = response.headerValue("content-security-policy");
        assertThat(policy).contains("script-src 'self' 'nonce-", "frame-ancestors *");
        assertThat(policy.split("; ")).filteredOn(d -> d.startsWith("script-src")).singleElement().asString().doesNotContain("'unsafe-inline'");
        page.waitForFunction("() => { const v = document.querySelector('lr-surface-3d'); return v && v.renders > 0 && v.plot.pointCount > 50; }");
        assertThat(page.locator(".lesson-panel")).isVisible();
        // A chart saved as PNG draws its picture through an image of a data: URL.
        assertThat((String) page.evaluate("() => document.querySelector('lr-line-chart').pngWithLegend()")).startsWith("data:image/png");
        page.click("#share");
        page.click("#share-make-short");
        page.waitForFunction("() => { const q = document.querySelector('#share-qr'); return q && q.complete && q.naturalWidth > 0; }");
        assertNoViolation(page);

        page.navigate("/lessons");
        page.waitForSelector(".lesson-card");
        assertNoViolation(page);

        JsonMapper json = new JsonMapper();
        APIResponse created = page.request().post("/api/classes", RequestOptions.create().setForm(FormData.create()
                .set("scene", "surface=booth&steps=60&run=sgd:lr=0.05")));
        JsonNode klass = json.readTree(created.text());
        page.navigate(klass.get("boardUrl").asString());
        page.waitForFunction("() => { const q = document.querySelector('.board-qr'); return q && q.complete && q.naturalWidth > 0; }");
        assertNoViolation(page);

        page.navigate(klass.get("joinUrl").asString());
        page.locator("#nickname input").fill("Ada");
        page.click("#join");
        assertThat(page.locator(".class-you")).containsText("you are Ada");
        page.click("#hand-in");
        assertThat(page.locator("#class-place")).containsText("Handed in");
        assertNoViolation(page);

        // The page an iframe goes to when it cannot keep its session cookie runs its script from a file.
        page.navigate("/components/embed-needs-https.html?page=%2Flessons");
        assertThat(page.locator("#direct")).hasAttribute("href", page.url().replaceFirst("/components/.*", "/lessons"));
        assertNoViolation(page);
        assertThat(console.errors()).isEmpty();
    }
}
