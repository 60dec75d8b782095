package org.lrplayground.playground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lrplayground.app.Budgets;
import org.lrplayground.app.WorkBudget;
import org.lrplayground.engine.run.Progress;
import org.lrplayground.playground.Await;

/** The work budget on the playground page: dear dialogs compute on the pool, stop when closed, and refusals show. */
@ViewPackages(classes = PlaygroundView.class)
class AnalysisBudgetTest extends PlaygroundPageTest {

    /** The standard limit, every analysis on the pool. */
    @RegisterExtension
    static final ViewBudget VIEWS = new ViewBudget(Budgets.of(200_000_000, 0, 1, 4));
    private static final WorkBudget budget = VIEWS.budget();

    private BasinsDialog basins(PlaygroundView view) {
        test(view.runs.runs.getFirst().basins).click();
        return $(BasinsDialog.class).single();
    }

    /** Runs the ui.access tasks of the pool's workers, as the next server visit would. */
    private static void deliver() {
        VaadinSession session = VaadinSession.getCurrent();
        session.getService().runPendingAccessTasks(session);
    }

    @Test
    void aDearMapComputesOnThePoolAndIsShownWhenItComes() {
        PlaygroundView view = open("surface=himmelblau&steps=500&run=sgd:lr=0.01");

        BasinsDialog dialog = basins(view);

        assertThat(dialog.status.isVisible()).isTrue();
        assertThat(dialog.status.getText()).isEqualTo("Computing…");
        Await.until("the map and the best of N are shown", () -> {
            deliver();
            return dialog.shares.getChildren().count() == 5 && $(RestartsChart.class, dialog).exists();
        });
        assertThat(dialog.status.isVisible()).isFalse();
    }

    @Test
    void closingTheDialogStopsItsComputationWithinASecond() {
        // 100 × 100 starts × 20 000 steps, the limit: seconds of work, none converging that soon.
        PlaygroundView view = open("surface=rosenbrock&steps=20000&run=adam:lr=0.001");
        BasinsDialog dialog = basins(view);
        Await.until("the map computes", () -> budget.steps() > 100L * Progress.CHUNK);

        dialog.close();
        long closed = System.nanoTime();

        Budgets.Stopped stopped = Budgets.stopsAfter(budget, closed);
        assertThat(stopped.after()).isLessThan(Duration.ofSeconds(1));
        assertThat(stopped.steps()).as("steps done of the 2e8 asked").isLessThan(200_000_000L);
    }

    @Test
    void aMapAboveTheLimitIsRefusedInTheDialogNamingTheCostAndTheLimit() {
        PlaygroundView view = open("surface=rosenbrock&steps=100000&run=adam:lr=0.001");

        BasinsDialog dialog = basins(view);

        assertThat(dialog.status.isVisible()).isTrue();
        assertThat(dialog.status.getText()).startsWith("Not computed: this costs 1.00e+09 steps")
                .contains("the limit of 200000000 (lrp.budget.max-steps)");
        assertThat(dialog.shares.getChildren()).isEmpty();
    }
}
