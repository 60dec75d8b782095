package org.lrplayground.playground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.html.Div;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lrplayground.engine.analysis.Tuning;
import org.lrplayground.engine.param.Numbers;

/** The playground's "Tune" button and its dialog, without a browser. */
@ViewPackages(classes = PlaygroundView.class)
class TuneDialogTest extends PlaygroundPageTest {

    private static final String SCENE = "surface=ravine&kappa=50&steps=200&run=sgd&run=momentum:lr=0.001";

    private TuneDialog tune(PlaygroundView view) {
        test(view.tune).click();
        return $(TuneDialog.class).single();
    }

    private static List<String> bests(TuneDialog dialog) {
        return dialog.bests.getChildren().map(c -> ((Div) c).getElement().getTextRecursively()).toList();
    }

    @Test
    void eachRunsBestRateIsListedAsTheEngineFindsItAndApplyBestSetsThemAllInOneEdit() {
        PlaygroundView view = open(SCENE);
        List<Tuning.Tuned> expected = Tuning.of(view.spec(), Tuning.Settings.DEFAULT);
        TuneDialog dialog = tune(view);

        // SGD: 0.0316 is the grid's largest rate below 2/κ = 0.04; the ten from 0.0562 to 10 diverge.
        assertThat(expected.get(0).lr().best()).isEqualTo(0.0316);
        assertThat(bests(dialog)).hasSize(2);
        assertThat(bests(dialog).get(0)).startsWith("1. SGD lr=0.01: best lr = 0.0316, score ").contains("; diverged at 10 of 25 rates");
        assertThat(bests(dialog).get(1)).startsWith("2. Momentum lr=0.001: best lr = " + Numbers.format(expected.get(1).lr().best()) + ",");

        test(dialog.apply).click();

        assertThat(view.spec().runs().get(0).optimizer().values().byName()).containsEntry("lr", 0.0316);
        assertThat(view.spec().runs().get(1).optimizer().values().byName()).containsEntry("lr", expected.get(1).lr().best());
        assertThat(view.location()).contains("run=sgd:lr=0.0316,");
        assertThat(dialog.isOpened()).isFalse();

        test(view.controls.undo).click();

        assertThat(view.spec().runs().get(0).optimizer().values().byName()).as("one undo restores both").containsEntry("lr", 0.01);
        assertThat(view.spec().runs().get(1).optimizer().values().byName()).containsEntry("lr", 0.001);
    }

    @Test
    void alsoTuningMomentumSetsTheBestPair() {
        PlaygroundView view = open(SCENE);
        TuneDialog dialog = tune(view);
        assertThat(dialog.also.isVisible()).isTrue();

        test(dialog.also).selectItem("momentum");

        Tuning.Tuned expected = Tuning.of(view.spec(), new Tuning.Settings(25, 4, Tuning.Target.TAIL, "momentum")).get(1);
        assertThat(bests(dialog).get(1)).contains("momentum = " + Numbers.format(expected.also().best()));
        assertThat(bests(dialog).get(0)).doesNotContain("momentum =");
        test(dialog.apply).click();
        assertThat(view.spec().runs().get(1).optimizer().values().byName())
                .containsEntry("lr", expected.lr().best()).containsEntry("momentum", expected.also().best());
    }

    @Test
    void anotherTargetIsComputedWhenChosen() {
        PlaygroundView view = open("surface=ravine&kappa=1&start=2,0&steps=40&run=sgd");
        TuneDialog dialog = tune(view);
        assertThat(dialog.also.isVisible()).as("SGD has nothing else to tune").isFalse();

        test(dialog.target).selectItem("steps to converge");

        // lr 1 reaches the minimum of ½(x² + y²) in one step, the fewest there are.
        assertThat(bests(dialog).get(0)).startsWith("1. SGD lr=0.01: best lr = 1, score 1");
    }

    @Test
    void aRunThatDivergesEverywhereSaysSoAndThereIsNothingToApply() {
        PlaygroundView view = open("surface=custom&f=1e9*(x%5E2%2By%5E2)&steps=50&run=sgd");

        TuneDialog dialog = tune(view);

        assertThat(bests(dialog)).containsExactly("1. SGD lr=0.01: diverged at every rate from 0.00001 to 10");
        assertThat(dialog.apply.isEnabled()).isFalse();
    }
}
