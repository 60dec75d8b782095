package org.lrplayground.playground.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import java.util.List;
import java.util.function.IntConsumer;
import org.lrplayground.engine.analysis.Basins;
import org.lrplayground.engine.surface.Box;
import org.lrplayground.ui.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The map of {@link BasinsDialog}: the {@code <lr-basins>} element of lr-basins.js, which draws the cells on a canvas. */
@Tag("lr-basins")
@JavaScript("context://components/lr-basins.js")
class BasinsMap extends Component {

    BasinsMap() {
        getElement().setAttribute("role", "application");
        getElement().setAttribute("aria-label", "the box coloured by the minimum each start ends at: the arrow keys "
                + "move between starts, Enter adds the run from the marked one");
    }

    /**
     * Sends the cells to draw.
     *
     * @param colors   one per minimum of {@code basins}
     * @param outcomes what a cell's outcome index means, for its tooltip
     * @param outcome  per cell, an index into {@code outcomes}
     */
    void show(Basins basins, Box box, List<String> colors, List<String> outcomes, int[] outcome) {
        int cells = basins.cells().size();
        int[] minimum = new int[cells];
        int[] steps = new int[cells];
        double[] loss = new double[cells];
        for (int c = 0; c < cells; c++) {
            Basins.Cell cell = basins.cells().get(c);
            minimum[c] = cell.minimum();
            steps[c] = cell.steps();
            loss[c] = cell.finalLoss();
        }
        ArrayNode minima = Json.array();
        basins.minima().forEach(b -> minima.add(Json.numbers(b.at().x(), b.at().y())));
        ArrayNode colorArray = Json.array();
        colors.forEach(colorArray::add);
        ArrayNode outcomeTexts = Json.array();
        outcomes.forEach(outcomeTexts::add);
        ObjectNode data = Json.object().put("grid", basins.grid());
        data.set("box", Json.numbers(box.xMin(), box.xMax(), box.yMin(), box.yMax()));
        data.set("minima", minima);
        data.set("colors", colorArray);
        data.set("outcomes", outcomeTexts);
        data.set("minimum", Json.integers(minimum));
        data.set("outcome", Json.integers(outcome));
        data.set("steps", Json.integers(steps));
        data.set("loss", Json.numbers(loss));
        getElement().callJsFunction("show", data);
    }

    /** Receives the index of each cell the user clicks. */
    void onCellPicked(IntConsumer picked) {
        getElement().addEventListener("cell-picked", e -> picked.accept(e.getEventData().get("event.detail.cell").asInt()))
                .addEventData("event.detail.cell");
    }
}
