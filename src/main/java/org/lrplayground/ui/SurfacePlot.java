package org.lrplayground.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.engine.surface.Box;
import org.lrplayground.engine.surface.Minimum;
import org.lrplayground.engine.surface.Point;
import org.lrplayground.engine.surface.Surface;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code <lr-surface-plot>} element: the surface as a heatmap of log₁₀(f − f* + ε) with
 * contours and minima, a start marker and one live path per run; or, switched to 3-D
 * ({@link #setView}), the same data as a rotatable mesh ({@code lr-surface-3d.js}).
 */
@Tag("lr-surface-plot")
@JavaScript("context://_static/echarts/6.0.0/dist/echarts.min.js")
@JavaScript("context://components/lr-charts.js")
@JavaScript("context://components/lr-surface-3d-scene.js")
@JavaScript("context://components/lr-surface-3d.js")
@StyleSheet("context://components/lr-surface-3d.css")
public class SurfacePlot extends Component implements HasSize {

    /** Grid points per side of the heatmap. */
    static final int GRID = 120;
    /** Decades of f − f* spanned by the colour scale. */
    private static final double COLOUR_DECADES = 6;

    /** Full width; its height comes from the page's style sheet, or from {@link #setHeight}. */
    public SurfacePlot() {
        setWidthFull();
    }

    /** Sends the surface once: its values on a {@link #GRID}² grid over the box, on a log scale. */
    public void setSurface(Surface surface, Box box, double fStar) {
        double[] z = new double[GRID * GRID];
        double floor = Math.max(1e-12, 1e-9 * Math.abs(fStar));
        for (int j = 0; j < GRID; j++) {
            double y = box.yMin() + box.height() * j / (GRID - 1);
            for (int i = 0; i < GRID; i++) {
                double x = box.xMin() + box.width() * i / (GRID - 1);
                double gap = surface.value(x, y) - fStar;
                z[j * GRID + i] = Double.isFinite(gap) ? Math.log10(Math.max(gap, 0) + floor) : Double.NaN;
            }
        }
        double zMin = Double.POSITIVE_INFINITY;
        double zMax = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            if (Double.isFinite(v)) {
                zMin = Math.min(zMin, v);
                zMax = Math.max(zMax, v);
            }
        }
        // Six decades of colour: below that the valley floor is one colour, which reads better
        // than a ramp spent on values nobody can tell apart.
        zMin = Math.max(zMin, zMax - COLOUR_DECADES);
        // Non-finite values (overflow far from the centre) show as the highest colour.
        for (int k = 0; k < z.length; k++) {
            if (!Double.isFinite(z[k])) {
                z[k] = zMax;
            }
        }
        ObjectNode data = Json.object();
        data.put("xMin", box.xMin()).put("xMax", box.xMax()).put("yMin", box.yMin()).put("yMax", box.yMax());
        data.put("xName", surface.xName()).put("yName", surface.yName());
        data.put("nx", GRID).put("ny", GRID).put("zMin", zMin).put("zMax", zMax);
        // The 3-D view places the paths' losses on the same scale.
        data.put("fStar", fStar).put("floor", floor);
        data.set("z", Json.numbers(z));
        ArrayNode minima = Json.array();
        for (Minimum m : surface.minima()) {
            if (box.contains(m.at().x(), m.at().y())) {
                minima.add(Json.numbers(m.at().x(), m.at().y(), m.value()));
            }
        }
        data.set("minima", minima);
        getElement().callJsFunction("setSurface", data);
    }

    /** Replaces the runs, clearing their paths. */
    public void setRuns(List<ChartSeries> runs) {
        ArrayNode a = Json.array();
        for (ChartSeries r : runs) {
            a.add(Json.object().put("run", r.run()).put("name", r.name()).put("color", r.color()));
        }
        getElement().callJsFunction("setRuns", a);
    }

    /**
     * Marks where the runs start: the spec's start, plain, when a run starts there, and each run's
     * own start in its colour. {@code runs} are the spec's runs as drawn, in the same order.
     */
    public void setStarts(RunSpec spec, List<ChartSeries> runs) {
        ArrayNode a = Json.array();
        if (spec.runs().stream().anyMatch(r -> r.start() == null)) {
            a.add(Json.object().put("x", spec.start().x()).put("y", spec.start().y()).putNull("color"));
        }
        for (int i = 0; i < runs.size(); i++) {
            Point own = spec.runs().get(i).start();
            if (own != null) {
                a.add(Json.object().put("x", own.x()).put("y", own.y()).put("color", runs.get(i).color()));
            }
        }
        getElement().callJsFunction("setStarts", a);
    }

    /**
     * Appends to the paths: per run {@code {run, first, stride, last, x, y, loss, lrx, lry, end}},
     * columns of the steps first, first + stride, … and the last one at {@code last}; {@code end}
     * is the status id once the run has ended ("diverged" marks its last finite point).
     */
    public void appendPaths(ArrayNode runs) {
        getElement().callJsFunction("appendPaths", runs);
    }

    /**
     * Whole paths, for a board whose runs change one at a time: there are {@code count} runs now,
     * and each path, {@code {slot, run, name, color, first, stride, last, n, x, y, loss, end}} in
     * {@link #appendPaths}' columns, takes the place {@code slot}; the others keep theirs. Several
     * paths may share a {@code run}, which is what hiding and highlighting go by (a student's runs).
     */
    public void setPaths(int count, ArrayNode paths) {
        getElement().callJsFunction("setPaths", count, paths);
    }

    /** Draws the paths of {@code run} over the others, which are dimmed; null for none. */
    public void highlight(Integer run) {
        getElement().callJsFunction("highlight", run);
    }

    /**
     * Rings each run's point at {@code step} in its colour (its last point at or before it, as
     * drawn); null for none.
     */
    public void setCursor(Integer step) {
        getElement().callJsFunction("setCursor", step);
    }

    /**
     * Draws one explained update where it started, in its run's colour (lilipads' step cartoon):
     * {@code {color, x, y, arrows: [{kind, label, dx, dy}], bars: [{label, values}]}}, the arrows'
     * kinds "gradient", "momentum" and "update"; null clears it.
     */
    public void setStep(ObjectNode step) {
        getElement().callJsFunction("setStep", step);
    }

    /** Hides the paths of these runs. */
    public void setHidden(int[] runs) {
        getElement().callJsFunction("setHidden", Json.integers(runs));
    }

    /** Shows the contour plot or the 3-D view; the plot's own switch changes it too ({@link #addViewChangedListener}). */
    public void setView(PlotView view) {
        getElement().callJsFunction("setView", view.id());
    }

    /** Called when the viewer switches between the contour plot and the 3-D view, or the 3-D view's log height. */
    public Registration addViewChangedListener(ComponentEventListener<ViewChangedEvent> listener) {
        return addListener(ViewChangedEvent.class, listener);
    }

    /** The plot's switch was used: {@link #view()} is what it shows now. */
    @DomEvent("view-changed")
    public static class ViewChangedEvent extends ComponentEvent<SurfacePlot> {

        private final PlotView view;

        public ViewChangedEvent(SurfacePlot source, boolean fromClient, @EventData("event.detail.view") String view) {
            super(source, fromClient);
            this.view = PlotView.of(view).orElse(PlotView.CONTOUR);
        }

        public PlotView view() {
            return view;
        }
    }

    /** Whether clicks pick a new start point (only while no race is under way). */
    public void setInteractive(boolean interactive) {
        getElement().callJsFunction("setInteractive", interactive);
    }

    public Registration addStartPickedListener(ComponentEventListener<StartPickedEvent> listener) {
        return addListener(StartPickedEvent.class, listener);
    }

    /** A click on the plot, in data coordinates. */
    @DomEvent("start-picked")
    public static class StartPickedEvent extends ComponentEvent<SurfacePlot> {

        private final double x;
        private final double y;

        public StartPickedEvent(SurfacePlot source, boolean fromClient,
                                @EventData("event.detail.x") double x, @EventData("event.detail.y") double y) {
            super(source, fromClient);
            this.x = x;
            this.y = y;
        }

        public double x() {
            return x;
        }

        public double y() {
            return y;
        }
    }
}
