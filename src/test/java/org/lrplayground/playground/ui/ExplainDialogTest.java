package org.lrplayground.playground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.param.Numbers;
import org.lrplayground.engine.run.Race;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.engine.run.Trajectory;

/** The timeline's step back and forward and its "Explain this step" dialog, without a browser. */
@ViewPackages(classes = PlaygroundView.class)
class ExplainDialogTest extends BrowserlessTest {

    private static final String SCENE = "surface=rosenbrock&start=-1.5,2&steps=50&run=adam:lr=0.05&run=momentum:lr=0.0005";

    @Override
    protected Set<Class<?>> lookupServices() {
        return Set.of(PlaygroundViewTest.ServiceInjectingInstantiatorFactory.class);
    }

    private PlaygroundView open(String query) {
        UI.getCurrent().navigate("", QueryParameters.fromString(query));
        return (PlaygroundView) getCurrentView();
    }

    /** The lines of the equation {@code symbol} in the dialog: its formula, then one per coordinate. */
    private static List<String> row(ExplainDialog dialog, String symbol) {
        Div row = (Div) dialog.equations.getChildren().filter(c -> symbol.equals(c.getElement().getAttribute("symbol")))
                .findFirst().orElseThrow();
        return row.getChildren().map(c -> c.getElement().getTextRecursively()).toList();
    }

    @Test
    void theTimelineStepsBackWithoutComputingAndForwardPastTheEndComputesOneMore() {
        PlaygroundView view = open(SCENE);
        assertThat(view.timeline.isVisible()).as("no step yet").isFalse();
        for (int i = 0; i < 5; i++) {
            test(view.controls.step).click();
        }
        assertThat(view.timeline.label.getText()).isEqualTo("step 5 of 5");

        test(view.timeline.back).click();
        test(view.timeline.back).click();

        assertThat(view.timeline.label.getText()).isEqualTo("step 3 of 5");
        assertThat(view.display.results().statuses()).as("nothing computed").containsExactly("step 5", "step 5");
        test(view.timeline.forward).click();
        test(view.timeline.forward).click();
        assertThat(view.timeline.label.getText()).isEqualTo("step 5 of 5");
        test(view.timeline.forward).click();
        assertThat(view.timeline.label.getText()).isEqualTo("step 6 of 6");
        assertThat(view.display.results().statuses()).containsExactly("step 6", "step 6");
    }

    @Test
    void theDialogShowsTheStepOfTheTimelineByTheEnginesNumbersAndMovesTheTimelineWithIt() {
        PlaygroundView view = open(SCENE);
        for (int i = 0; i < 6; i++) {
            test(view.controls.step).click();
        }
        test(view.timeline.back).click();
        test(view.timeline.back).click();

        test(view.timeline.explain).click();
        ExplainDialog dialog = $(ExplainDialog.class).single();

        RunSpec spec = RunFormat.parse(SCENE);
        Race race = Race.run(spec, Set.of(0));
        Trajectory adam = race.trajectory(0);
        assertThat(dialog.run.getValue()).isZero();
        assertThat(dialog.step.getValue()).isEqualTo(4);
        assertThat(dialog.summary.getText()).isEqualTo("Adam, step 4: from θ₃ to θ₄");
        List<String> m = row(dialog, "mₜ");
        double[] before = adam.stateAt(3).get("m");
        double g = adam.gradX(3);
        assertThat(m.get(0)).isEqualTo("mₜ = β₁·mₜ₋₁ + (1 − β₁)·g");
        assertThat(m.get(1)).isEqualTo("x: 0.9·" + paren(before[0]) + " + 0.1·" + paren(g) + " = "
                + Numbers.readable(adam.stateAt(4).get("m")[0]));
        // The effective rate reads as the step table's cell of that step.
        assertThat(row(dialog, "lr").get(1)).endsWith(" = " + StepTable.cell(adam.lrX(4)));
        assertThat(row(dialog, "lr").get(2)).endsWith(" = " + StepTable.cell(adam.lrY(4)));
        assertThat(row(dialog, "θₜ").get(1)).endsWith(" = " + StepTable.cell(adam.x(4)));

        test(dialog.step).setValue(2);
        assertThat(view.timeline.label.getText()).as("the timeline follows the dialog").isEqualTo("step 2 of 6");
        test(view.timeline.forward).click();
        assertThat(dialog.step.getValue()).as("and the dialog the timeline").isEqualTo(3);

        dialog.run.setValue(1);
        assertThat(dialog.summary.getText()).startsWith("Momentum, step 3:");
        assertThat(row(dialog, "bₜ").get(0)).isEqualTo("bₜ = μ·bₜ₋₁ + g");
    }

    private static String paren(double v) {
        String s = Numbers.readable(v);
        return s.startsWith("-") ? "(" + s + ")" : s;
    }
}
