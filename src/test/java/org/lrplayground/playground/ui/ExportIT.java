package org.lrplayground.playground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.lrplayground.browser.BrowserConsole;
import org.lrplayground.browser.InBrowser;
import org.lrplayground.browser.Races;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Export in a real browser: the downloads are the API's answers, charts save as PNG, the step table reads like the API. */
@InBrowser
class ExportIT {

    private static final String QUERY = "surface=rosenbrock&start=-1.5,2&steps=300&run=adam:lr=0.05&run=sgd:lr=0.001";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private static void open(Page page) {
        page.navigate("/?" + QUERY);
        page.waitForFunction("() => { const e = document.querySelector('lr-surface-plot'); return e && e._chart && e._surface; }");
    }

    /** Opens the Export popover and waits for its links to show. */
    private static void openExport(Page page) {
        page.click("#export");
        page.locator(".export-menu").waitFor();
    }

    @Test
    void theCsvAndJsonDownloadsAreByteForByteTheApisAnswersForTheSameScene(Page page, BrowserConsole console) throws Exception {
        open(page);
        openExport(page);

        Download csv = page.waitForDownload(() -> page.locator(".export-link[href^='api/runs.csv?']").click());
        Download json = page.waitForDownload(() -> page.locator(".export-link[href^='api/runs?']").click());

        assertThat(csv.suggestedFilename()).isEqualTo("lr-playground-rosenbrock.csv");
        assertThat(json.suggestedFilename()).isEqualTo("lr-playground-rosenbrock.json");
        byte[] apiCsv = page.request().get("/api/runs.csv?" + QUERY).body();
        assertThat(apiCsv.length).isGreaterThan(300 * 40);
        assertThat(Files.readAllBytes(csv.path())).isEqualTo(apiCsv);
        assertThat(Files.readAllBytes(json.path())).isEqualTo(page.request().get("/api/runs?" + QUERY).body());
        assertThat(console.errors()).isEmpty();
    }

    @Test
    void eachChartSavesItselfAsAPngOfTwiceItsSizeOnTheThemesBackground(Page page, BrowserConsole console) throws Exception {
        open(page);
        page.click("#run");
        page.waitForFunction(Races.ENDED);

        Download surface = page.waitForDownload(() -> page.locator("lr-surface-plot .lr-save-png").click());
        Download loss = page.waitForDownload(() -> page.locator("lr-line-chart .lr-save-png").first().click());

        assertThat(surface.suggestedFilename()).isEqualTo("lr-playground-surface.png");
        assertThat(loss.suggestedFilename()).isEqualTo("lr-playground-f-minus-f-star.png");
        byte[] png = Files.readAllBytes(surface.path());
        assertThat(png).startsWith(PNG_SIGNATURE);
        assertThat(png.length).isGreaterThan(20_000); // the heatmap, contours and two paths, not a blank canvas
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        var box = page.locator("lr-surface-plot").boundingBox();
        assertThat((double) image.getWidth()).isCloseTo(2 * box.width, Offset.offset(2.0));
        // Under the chart, a legend row per run: 8 px of space, then 18 px rows, all at twice the size.
        double chart = 2 * box.height;
        assertThat((double) image.getHeight()).isCloseTo(chart + 16 + 2 * 36, Offset.offset(2.0));
        int row = (int) Math.round(image.getHeight() - 2 * 36 + 18);
        assertThat(image.getRGB(30, row) & 0xffffff).as("run 1's colour in its legend row").isEqualTo(0xe6194b);
        assertThat(image.getRGB(0, 0)).as("opaque white corner in the light theme").isEqualTo(0xffffffff);
        assertThat(Files.readAllBytes(loss.path())).startsWith(PNG_SIGNATURE);
        assertThat(console.errors()).isEmpty();
    }

    @Test
    void theStepTableShowsTheApisNumbersForAStepScrolledTo(Page page, BrowserConsole console) {
        JsonNode sgd = JsonMapper.shared().readTree(page.request().get("/api/runs?" + QUERY).text()).get("runs").get(1);
        open(page);
        openExport(page);
        page.getByText("Step table…").click();
        Locator run = page.locator("vaadin-select").filter(new Locator.FilterOptions().setHasText("1. Adam"));
        run.click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("2. SGD")).click();
        var goTo = page.getByLabel("Go to step");
        goTo.fill("250");
        goTo.press("Enter");

        page.waitForFunction("step => { const g = document.querySelector('vaadin-grid');"
                + " return [...g.shadowRoot.querySelectorAll('tbody#items tr')].some(r => r.index === step && !r.hidden"
                + " && r.querySelector('slot').assignedElements()[0]?.textContent === String(step)); }", 250);
        @SuppressWarnings("unchecked")
        List<String> row = (List<String>) page.evaluate("step => { const g = document.querySelector('vaadin-grid');"
                + " const r = [...g.shadowRoot.querySelectorAll('tbody#items tr')].find(r => r.index === step && !r.hidden);"
                + " return [...r.querySelectorAll('td slot')].map(s => s.assignedElements()[0].textContent); }", 250);
        JsonNode p = sgd.get("points");
        List<String> expected = new ArrayList<>(List.of("250"));
        for (String column : List.of("x", "y", "loss", "grad_x", "grad_y", "lr_x", "lr_y", "eta")) {
            expected.add(StepTable.cell(p.get(column).get(250).asDouble()));
        }
        assertThat(row).isEqualTo(expected);
        assertThat(row.get(6)).isEqualTo("0.001");
        assertThat(console.errors()).isEmpty();
    }
}
