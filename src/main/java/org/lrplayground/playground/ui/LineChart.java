package org.lrplayground.playground.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;

/** The {@code <lr-line-chart>} element: series against the step, appended live. */
@Tag("lr-line-chart")
@JavaScript("context://_static/echarts/6.0.0/dist/echarts.min.js")
@JavaScript("context://components/lr-charts.js")
public class LineChart extends Component implements HasSize {

    public LineChart(String yName, boolean logScale) {
        setWidthFull();
        setHeight("260px");
        getElement().callJsFunction("setConfig", Json.object().put("yName", yName).put("yLog", logScale));
    }

    /** Replaces every series, clearing their points. */
    public void setSeries(List<ChartSeries> series) {
        ArrayNode a = Json.array();
        for (ChartSeries s : series) {
            a.add(Json.object().put("id", s.id()).put("name", s.name()).put("color", s.color()).put("dashed", s.dashed()));
        }
        getElement().callJsFunction("setSeries", a);
    }
}
