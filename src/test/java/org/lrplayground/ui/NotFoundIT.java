package org.lrplayground.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lrplayground.browser.BrowserConsole;
import org.lrplayground.browser.InBrowser;

/** A mistyped address or short link ends on a page that says so and leads back into the app. */
@InBrowser
class NotFoundIT {

    @Test
    void anUnknownAddressSaysSoAndLeadsToTheLessonsAndThePlayground(Page page, BrowserConsole console) {
        Response response = page.navigate("/lessons/no-such-lesson");

        assertThat(response.status()).isEqualTo(404);
        assertThat(page.locator("h1")).hasText("This page does not exist");
        assertThat(page.locator(".not-found")).containsText("There is nothing at /lessons/no-such-lesson.");
        assertThat(page).hasTitle("Page not found · Learning-Rate Playground");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Follow the lessons")).click();
        assertThat(page.locator(".lesson-card").first()).isVisible();
        assertThat(page).hasURL(Pattern.compile("http://localhost:\\d+/lessons"));

        page.navigate("/no-such-page");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open the Learning-Rate Playground")).click();
        assertThat(page.locator("h1")).hasText("Learning-Rate Playground");
        // Chromium may report the page's own 404 in the console; nothing else may go wrong.
        assertThat(console.errors()).allSatisfy(error -> assertThat(error).contains("status of 404"));
    }

    @Test
    void anUnknownShortLinkStillGetsItsOwnPage(Page page) {
        Response response = page.navigate("/s/Zz9Zz9Zz9Z");

        assertThat(response.status()).isEqualTo(404);
        assertThat(page.locator("h1")).hasText("This short link does not exist");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open the Learning-Rate Playground")).click();
        assertThat(page.locator("h1")).hasText("Learning-Rate Playground");
    }
}
