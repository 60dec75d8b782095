package org.lrplayground.playground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;
import org.lrplayground.engine.finder.LrCurve;
import org.lrplayground.engine.finder.LrFinder;
import org.lrplayground.engine.param.Numbers;
import org.lrplayground.engine.run.RunSpec;

/** The "Find lr" button of a run card and its dialog, without a browser. */
@ViewPackages(classes = PlaygroundView.class)
class LrFinderDialogTest extends PlaygroundPageTest {

    private LrFinderDialog findLr(PlaygroundView view, int run) {
        test(view.runs.runs.get(run).findLr).click();
        return $(LrFinderDialog.class).single();
    }

    /** What the engine's finder suggests for run {@code run} of the view's spec. */
    private static LrCurve expected(PlaygroundView view, int run) {
        RunSpec spec = view.spec();
        return LrFinder.DEFAULT.find(spec, spec.start(), spec.runs().get(run).optimizer().instance());
    }

    @Test
    void usingTheSteepestDescentRateSetsTheRunsLrKeepsItsBetasAndRewritesTheAddress() {
        PlaygroundView view = open("surface=rosenbrock&start=-1.5,2&run=sgd:lr=0.001&run=adam:lr=0.05,beta1=0.8");
        String before = view.location();
        double steep = RunEditor.round(expected(view, 1).steep().lr().orElseThrow());

        LrFinderDialog dialog = findLr(view, 1);
        assertThat(dialog.use).hasSize(2);
        Button use = dialog.use.get(0);
        assertThat(use.getText()).isEqualTo("Use lr = " + Numbers.format(steep) + " (steepest descent)");
        test(use).click();

        assertThat(view.spec().runs().get(1).optimizer().instance().lr()).isEqualTo(steep).isNotEqualTo(0.05);
        assertThat(view.spec().runs().get(1).optimizer().values().byName()).containsEntry("beta1", 0.8);
        assertThat(view.spec().runs().get(0).optimizer().instance().lr()).isEqualTo(0.001);
        assertThat(view.location()).isNotEqualTo(before).contains("&run=adam:lr=" + Numbers.format(steep) + ",");
        assertThat(view.runs.runs.get(1).field("lr").text()).isEqualTo(Numbers.format(steep));
        assertThat(dialog.isOpened()).isFalse();
    }

    @Test
    void usingTheMinimumRuleSetsATenthOfTheRateOfTheLowestLoss() {
        PlaygroundView view = open("surface=rosenbrock&start=-1.5,2&run=sgd:lr=0.001");
        double minimum = RunEditor.round(expected(view, 0).minimum().lr().orElseThrow());

        Button use = findLr(view, 0).use.get(1);
        assertThat(use.getText()).isEqualTo("Use lr = " + Numbers.format(minimum) + " (minimum ÷ 10)");
        test(use).click();

        assertThat(view.spec().runs().get(0).optimizer().instance().lr()).isEqualTo(minimum);
        assertThat(view.location()).contains("run=sgd:lr=" + Numbers.format(minimum) + ",");
    }

    @Test
    void aRuleWithoutARateShowsWhyInsteadOfAButtonAndTheStopReasonIsShown() {
        PlaygroundView view = open("surface=ravine&start=0,0&run=sgd:lr=0.01"); // starts at the minimum
        LrCurve curve = expected(view, 0);
        assertThat(curve.steep().lr()).isEmpty();

        LrFinderDialog dialog = findLr(view, 0);

        assertThat(dialog.use).singleElement().satisfies(b -> assertThat(b.getText()).endsWith("(minimum ÷ 10)"));
        assertThat($(Span.class, dialog).all()).anySatisfy(s -> assertThat(s.getText())
                .isEqualTo("No steepest-descent rate: the smoothed loss never fell during the sweep."));
        assertThat($(Paragraph.class, dialog).all()).anySatisfy(p -> assertThat(p.getText())
                .isEqualTo("Swept all 100 rates from 1e-7 to 10 without the loss diverging."));
        String before = view.location();
        test(dialog).close(); // closing changes nothing
        assertThat(view.location()).isEqualTo(before);
    }

    @Test
    void theButtonIsDisabledWhileAFieldIsInvalid() {
        PlaygroundView view = open("surface=rosenbrock&run=adam:lr=0.05");

        test(view.runs.runs.get(0).field("lr").textField()).setValue("-1");
        assertThat(view.runs.runs.get(0).findLr.isEnabled()).isFalse();

        test(view.runs.runs.get(0).field("lr").textField()).setValue("0.01");
        assertThat(view.runs.runs.get(0).findLr.isEnabled()).isTrue();
    }
}
