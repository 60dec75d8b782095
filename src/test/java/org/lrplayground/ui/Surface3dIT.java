package org.lrplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lrplayground.browser.BrowserConsole;
import org.lrplayground.browser.InBrowser;
import org.lrplayground.browser.Races;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 3-D view in a real browser: the plot's switch shows the mesh drawn from the plot's own data,
 * the paths grow on it with every point of the race, dragging and the keys turn it, the choice
 * goes into the link and back, and the contour plot comes back.
 */
@InBrowser
class Surface3dIT {

    /** Himmelblau, four minima, with four runs from the middle. */
    private static final String FOUR_RUNS = "surface=himmelblau&start=0.5,0.5&steps=150"
            + "&run=sgd:lr=0.01&run=momentum:lr=0.005&run=adam:lr=0.2&run=rmsprop:lr=0.05";
    private static final String VIEW = "document.querySelector('lr-surface-plot')?.view3d";

    /**
     * The 3-D canvas as the page shows it: how many of its pixels are drawn (not transparent
     * background) and a checksum of them, read through a 2-D copy (WebGL keeps its buffer for this).
     */
    private static Map<?, ?> picture(Page page) {
        return (Map<?, ?>) page.evaluate("() => { const c = " + VIEW + ".querySelector('canvas');"
                + " const copy = document.createElement('canvas'); copy.width = c.width; copy.height = c.height;"
                + " const ctx = copy.getContext('2d'); ctx.drawImage(c, 0, 0);"
                + " const d = ctx.getImageData(0, 0, c.width, c.height).data; let drawn = 0, sum = 0;"
                + " for (let i = 0; i < d.length; i += 4) { if (d[i + 3] > 0) { drawn++; sum = (sum * 31 + d[i] + 7 * d[i + 1] + 13 * d[i + 2]) % 1000000007; } }"
                + " return {drawn, sum, total: c.width * c.height}; }");
    }

    private static double yaw(Page page) {
        return ((Number) page.evaluate("() => " + VIEW + ".rotation.yaw")).doubleValue();
    }

    @Test
    void theSwitchShowsTheSurfaceIn3dWithEveryPointOfThePathsAndTheLinkKeepsIt(Page page, BrowserConsole console) {
        JsonNode api = JsonMapper.shared().readTree(page.request().get("/api/runs?" + FOUR_RUNS).text());
        List<Integer> sizes = new ArrayList<>();
        for (JsonNode run : api.get("runs")) {
            sizes.add(run.get("points").get("x").size());
        }
        page.navigate("/?" + FOUR_RUNS);
        page.waitForFunction("() => { const e = document.querySelector('lr-surface-plot'); return e && e._chart && e._surface && e.startPoint; }");

        page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("3-D").setExact(true)).click();
        page.waitForFunction("() => { const v = " + VIEW + "; return v && !v.hidden && v.renders > 0; }");
        page.waitForFunction("() => location.search.includes('view=3d')");

        Map<String, Object> state = evaluate(page, "() => { const v = " + VIEW + "; return {mode: v.mode, triangles: v.triangles,"
                + " box: getComputedStyle(document.querySelector('lr-surface-plot')._box).visibility, role: v._picture.getAttribute('role'),"
                + " label: v._picture.getAttribute('aria-label'), tab: v._picture.tabIndex}; }");
        assertThat(state.get("mode")).as("headless Chromium draws with WebGL").isEqualTo("webgl");
        assertThat(((Number) state.get("triangles")).intValue()).isEqualTo(2 * (SurfacePlot.GRID - 1) * (SurfacePlot.GRID - 1));
        assertThat(state.get("box")).as("the contour plot gives way").isEqualTo("hidden");
        assertThat(state.get("role")).isEqualTo("img");
        assertThat((String) state.get("label")).contains("3-D view of the loss surface", "from -5 to 5");
        assertThat(((Number) state.get("tab")).intValue()).isZero();
        Map<?, ?> before = picture(page);
        assertThat(((Number) before.get("drawn")).doubleValue()).as("the mesh covers a good part of the canvas")
                .isGreaterThan(0.15 * ((Number) before.get("total")).doubleValue());

        page.click("#run");
        // At 100 steps/s the paths grow on the mesh while the race streams, and end with every point of it.
        page.waitForFunction("sizes => { const p = " + VIEW + ".pathPoints; return p.length === sizes.length"
                + " && p.some((n, r) => n > 1 && n < sizes[r]); }", sizes);
        page.waitForFunction(Races.ENDED);
        page.waitForFunction("sizes => JSON.stringify(" + VIEW + ".pathPoints) === JSON.stringify(sizes)", sizes,
                new Page.WaitForFunctionOptions().setTimeout(60_000));

        // A drag turns the view, and the picture with it.
        double yaw = yaw(page);
        Map<?, ?> still = picture(page);
        BoundingBox box = page.locator("lr-surface-3d canvas").first().boundingBox();
        page.mouse().move(box.x + box.width / 2, box.y + box.height / 2);
        page.mouse().down();
        page.mouse().move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 30, new Mouse.MoveOptions().setSteps(6));
        page.mouse().up();
        page.waitForFunction("yaw => " + VIEW + ".rotation.yaw !== yaw && !" + VIEW + "._pending", yaw);
        assertThat(yaw(page)).isCloseTo(yaw - 120 * 0.008, offset(1e-6));
        assertThat(picture(page).get("sum")).isNotEqualTo(still.get("sum"));
        // The frame cost while turning, for BENCHMARKS.md (printed, not asserted): each frame drawn and read back.
        System.out.println("3-D view, ms per frame while turning: " + page.evaluate("() => { const v = " + VIEW + ";"
                + " const gl = v._gl, px = new Uint8Array(4), n = 60, t0 = performance.now();"
                + " for (let k = 0; k < n; k++) { v.turn(0.02, 0); v.render(); gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px); }"
                + " return {ms: (performance.now() - t0) / n, canvas: v._canvas.width + 'x' + v._canvas.height, antialias: v.antialias}; }"));
        // As do the arrow keys, while the view has focus, and Home goes back to the first view.
        page.locator("lr-surface-3d [role=img]").focus();
        double turned = yaw(page);
        page.keyboard().press("ArrowLeft");
        assertThat(yaw(page)).isCloseTo(turned + Math.toRadians(5), offset(1e-6));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reset view")).click();
        assertThat(yaw(page)).isCloseTo(yaw, offset(1e-9));

        // The PNG button saves the 3-D picture as shown.
        assertThat(page.evaluate("async () => { const e = document.querySelector('lr-surface-plot'); const img = new Image();"
                + " img.src = await e.pngWithLegend(); await img.decode(); return img.width === e.view3d._canvas.width"
                + " && img.height > e.view3d._canvas.height; }")).as("the picture, with the legend under it").isEqualTo(true);

        // The log height is kept in the link, and the link opens in 3-D with it.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("log height")).click();
        page.waitForFunction("() => location.search.includes('view=3d-log')");
        page.reload();
        page.waitForFunction("() => { const v = " + VIEW + "; return v && !v.hidden && v.log && v.renders > 0; }");
        assertThat(page.locator("lr-surface-plot .lr-view-switch button[aria-pressed='true']").textContent()).isEqualTo("3-D");

        // Back to the contour plot: the 3-D view is hidden and draws no more.
        page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Contour").setExact(true)).click();
        page.waitForFunction("() => !location.search.includes('view=')");
        Map<String, Object> back = evaluate(page, "() => { const e = document.querySelector('lr-surface-plot');"
                + " return {hidden: e.view3d.hidden, box: getComputedStyle(e._box).visibility, renders: e.view3d.renders}; }");
        assertThat(back.get("hidden")).isEqualTo(true);
        assertThat(back.get("box")).isEqualTo("visible");
        // Hidden, it does not draw when the plot's data changes.
        page.evaluate("() => new Promise(done => { document.querySelector('lr-surface-plot').highlight(1);"
                + " requestAnimationFrame(() => requestAnimationFrame(done)); })");
        assertThat(page.evaluate("() => " + VIEW + ".renders")).isEqualTo(back.get("renders"));
        assertThat(console.errors()).isEmpty();
    }

    @Test
    void withoutWebGlAFlatCanvasDrawsTheMeshAndTurnsWithIt(Page page, BrowserConsole console) {
        page.addInitScript("HTMLCanvasElement.prototype.getContext = ((get) => function (type, ...rest) {"
                + " return String(type).startsWith('webgl') ? null : get.call(this, type, ...rest); })(HTMLCanvasElement.prototype.getContext);");
        page.navigate("/?" + FOUR_RUNS + "&view=3d");
        page.waitForFunction("() => { const v = " + VIEW + "; return v && !v.hidden && v.renders > 0 && v.plot._runs.length === 4; }");

        assertThat(page.evaluate("() => " + VIEW + ".mode")).isEqualTo("2d");
        Map<?, ?> before = picture(page);
        assertThat(((Number) before.get("drawn")).doubleValue()).isGreaterThan(0.15 * ((Number) before.get("total")).doubleValue());
        page.locator("lr-surface-3d [role=img]").focus();
        page.keyboard().press("Shift+ArrowRight");
        page.waitForFunction("() => !" + VIEW + "._pending");
        assertThat(picture(page).get("sum")).isNotEqualTo(before.get("sum"));
        assertThat(console.errors()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> evaluate(Page page, String script) {
        return (Map<String, Object>) page.evaluate(script);
    }
}
