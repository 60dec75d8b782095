package org.lrplayground.playground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.html.Div;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.lrplayground.engine.analysis.Basins;
import org.lrplayground.engine.analysis.Restarts;
import org.lrplayground.engine.param.Numbers;

/** The "Basins" button of a run card and its dialog, without a browser. */
@ViewPackages(classes = PlaygroundView.class)
class BasinsDialogTest extends PlaygroundPageTest {

    private static final String SCENE = "surface=himmelblau&start=1,1&steps=500&run=sgd:lr=0.01&run=adam:lr=0.05";

    private BasinsDialog basins(PlaygroundView view, int run) {
        test(view.runs.runs.get(run).basins).click();
        return $(BasinsDialog.class).single();
    }

    private static List<String> shares(BasinsDialog dialog) {
        return dialog.shares.getChildren().map(c -> ((Div) c).getElement().getTextRecursively()).toList();
    }

    /** The line the dialog shows for (3, 2), Himmelblau's first minimum, on a grid × grid grid. */
    private static String firstShare(PlaygroundView view, int grid) {
        Basins expected = Basins.of(view.spec(), 0, grid);
        assertThat(expected.minima()).allSatisfy(b -> assertThat(b.share()).isPositive());
        return "(3, 2): " + String.format(Locale.ROOT, "%.1f %%", 100 * expected.minima().get(0).share()) + " of the box";
    }

    @Test
    void eachMinimumsShareOfTheBoxIsListedAsTheEngineComputesItThenWhatReachedNone() {
        PlaygroundView view = open(SCENE);

        BasinsDialog dialog = basins(view, 0);

        assertThat(shares(dialog)).hasSize(5).startsWith(firstShare(view, 100));
        assertThat(shares(dialog).getLast()).startsWith("none of them: ");
    }

    @Test
    void aFinerGridIsComputedWhenChosen() {
        PlaygroundView view = open(SCENE);
        BasinsDialog dialog = basins(view, 0);

        test(dialog.grid).selectItem("50 × 50");

        assertThat(shares(dialog)).hasSize(5).startsWith(firstShare(view, 50));
    }

    @Test
    void clickingACellAddsACopyOfTheRunFromItsStartAndCloses() {
        PlaygroundView view = open(SCENE);
        BasinsDialog dialog = basins(view, 1);

        dialog.pick(0); // the lower-left cell of 100 × 100 over [−5, 5]²: its centre is (−4.95, −4.95)

        assertThat(view.spec().runs()).hasSize(3);
        assertThat(view.spec().runs().get(2).optimizer().values().byName()).containsEntry("lr", 0.05);
        assertThat(view.spec().runs().get(2).start().x()).isEqualTo(-4.95);
        assertThat(view.spec().runs().get(2).start().y()).isEqualTo(-4.95);
        assertThat(view.spec().runs().get(2).label()).endsWith("from (" + Numbers.format(-4.95) + ", -4.95)");
        assertThat(view.location()).contains("run=adam:lr=0.05,").contains("x0=-4.95,y0=-4.95");
        assertThat(dialog.isOpened()).isFalse();
    }

    @Test
    void withEveryRunInUseACellAddsNothing() {
        PlaygroundView view = open(SCENE + "&run=sgd:lr=0.01".repeat(RunsPanel.MAX_RUNS - 2));
        BasinsDialog dialog = basins(view, 0);

        dialog.pick(0);

        assertThat(view.spec().runs()).hasSize(RunsPanel.MAX_RUNS);
    }

    @Test
    void bestOfNListsTheOddsOfAGlobalMinimumAsTheEngineComputesThem() {
        PlaygroundView view = open("surface=six-hump-camel&steps=1000&run=sgd:lr=0.01");

        BasinsDialog dialog = basins(view, 0);

        List<Restarts.Tries> tries = Restarts.of(view.spec(), 0, 20);
        String odds = $(RestartsChart.class, dialog).single().odds.getText();
        assertThat(odds).isEqualTo(RestartsChart.odds(tries))
                .startsWith("A global minimum is reached by 1 start " + BasinsDialog.percent(tries.get(0).globalChance()) + ", 2 starts ")
                .contains(", 16 starts ").endsWith(", 20 starts > 99.9 %.");
    }

    @Test
    void withoutAKnownMinimumBestOfNSaysThereAreNoOdds() {
        BasinsDialog dialog = basins(open("surface=saddle&steps=200&run=sgd:lr=0.01"), 0);

        assertThat($(RestartsChart.class, dialog).single().odds.getText()).startsWith("This surface knows no minimum in the box");
    }
}
