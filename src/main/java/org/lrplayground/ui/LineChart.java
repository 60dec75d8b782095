package org.lrplayground.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;

/**
 * The {@code <lr-line-chart>} element: series against the step, appended live; or, with
 * {@link #setLogX}, against a quantity such as the learning rate, with labelled vertical markers.
 */
@Tag("lr-line-chart")
@JavaScript("context://_static/echarts/6.0.0/dist/echarts.min.js")
@JavaScript("context://components/lr-charts.js")
public class LineChart extends Component implements HasSize {

    /** Full width; its height comes from the page's style sheet, or from {@link #setHeight}. */
    public LineChart(String yName, boolean logScale) {
        setWidthFull();
        getElement().callJsFunction("setConfig", Json.object().put("yName", yName).put("yLog", logScale));
    }

    /**
     * A vertical dashed line across the chart, labelled along its length.
     *
     * @param x     where, on the x axis
     * @param label its text
     * @param color its CSS colour and its label's (a run's, for the best rate of that run), or null for the text colour
     */
    public record Marker(double x, String label, String color) {

        /** A marker in the text colour. */
        public Marker(double x, String label) {
            this(x, label, null);
        }
    }

    /** Renames the y axis, e.g. when a chart switches to another quantity. */
    public void setYName(String yName) {
        getElement().callJsFunction("setConfig", Json.object().put("yName", yName));
    }

    /** Plots against {@code xName} on a log scale instead of against the step. */
    public void setLogX(String xName) {
        getElement().callJsFunction("setConfig", Json.object().put("xName", xName).put("xLog", true));
    }

    /** Plots against {@code xName} on a linear scale instead of against the step. */
    public void setX(String xName) {
        getElement().callJsFunction("setConfig", Json.object().put("xName", xName));
    }

    /** Ends the step axis at the race's last step rather than at a round number past it. */
    public void setLastStep(int step) {
        getElement().callJsFunction("setConfig", Json.object().put("xMax", step));
    }

    /** Draws each point as a dot of its own, unjoined: a scatter plot, e.g. one dot per hand-in. */
    public void setDots(boolean on) {
        getElement().callJsFunction("setConfig", Json.object().put("dots", on));
    }

    /** Replaces every series, clearing their points. */
    public void setSeries(List<ChartSeries> series) {
        ArrayNode a = Json.array();
        for (ChartSeries s : series) {
            a.add(Json.object().put("id", s.id()).put("run", s.run()).put("name", s.name()).put("color", s.color()).put("dashed", s.dashed()));
        }
        getElement().callJsFunction("setSeries", a);
    }

    /** Appends the points (x[i], y[i]) to the series {@code id}; a non-finite value leaves a gap. */
    public void append(String id, double[] x, double[] y) {
        ArrayNode points = Json.array();
        for (int i = 0; i < x.length; i++) {
            points.add(Json.numbers(x[i], y[i]));
        }
        ArrayNode batches = Json.array();
        batches.addObject().put("id", id).set("points", points);
        getElement().callJsFunction("append", batches);
    }

    /**
     * Appends thinned columns: per series {@code {id, first, stride, last, values}}, the values at
     * steps first, first + stride, … and the last one at {@code last}.
     */
    public void appendColumns(ArrayNode series) {
        getElement().callJsFunction("appendColumns", series);
    }

    /** A thin vertical line at step {@code step}, the step a timeline shows; null for none. */
    public void setCursor(Integer step) {
        getElement().callJsFunction("setCursor", step);
    }

    /** Hides the series of these runs. */
    public void setHidden(int[] runs) {
        getElement().callJsFunction("setHidden", Json.integers(runs));
    }

    /** Whether the chart draws its own legend (off beside a race, whose display has one for every chart). */
    public void setLegend(boolean on) {
        getElement().callJsFunction("setConfig", Json.object().put("legend", on));
    }

    public void setMarkers(List<Marker> markers) {
        ArrayNode a = Json.array();
        for (Marker m : markers) {
            a.add(Json.object().put("x", m.x()).put("label", m.label()).put("color", m.color()));
        }
        getElement().callJsFunction("setMarkers", a);
    }
}
