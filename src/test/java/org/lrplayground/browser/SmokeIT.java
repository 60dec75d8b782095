package org.lrplayground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/** The packaged app starts, Vaadin renders the playground, and the page logs no errors. */
@InBrowser
class SmokeIT {

    @Test
    void playgroundRendersWithoutConsoleErrors(Page page, BrowserConsole console) {
        page.navigate("/");

        // The heading is created server-side, so seeing it means the Vaadin client bootstrapped.
        assertThat(page.locator("h1")).hasText("Learning-Rate Playground");
        assertThat(page).hasTitle("Learning-Rate Playground");
        assertThat(console.errors()).isEmpty();
    }
}
