package org.lrplayground.playground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.ViewPackages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lrplayground.app.Budgets;

/** A live race is costed like any other work: above the limit it is not run, and the page says why. */
@ViewPackages(classes = PlaygroundView.class)
class RaceBudgetTest extends PlaygroundPageTest {

    /** A limit a race can pass (the standard one is beyond any race's 12 × 100 000 built-in steps). */
    @RegisterExtension
    static final ViewBudget VIEWS = new ViewBudget(Budgets.of(100_000, 0, 1, 4));

    @Test
    void aSceneAboveTheLimitIsNotRunAndThePageSaysWhy() {
        PlaygroundView view = open("steps=100000&run=sgd:lr=0.001&run=adam:lr=0.01");

        assertThat(view.message.getText()).startsWith("Not run: this costs 2.00e+05 steps")
                .contains("the limit of 100000 (lrp.budget.max-steps)");
    }

    @Test
    void anEditAboveTheLimitIsNotRunAndThePageSaysWhy() {
        PlaygroundView view = open("steps=40000&run=sgd:lr=0.001&run=adam:lr=0.01");
        assertThat(view.message.getText()).doesNotContain("Not run");

        test(view.runs.runs.get(1).field("lr").textField()).setValue("0.02");
        assertThat(view.message.getText()).doesNotContain("Not run");
        test(view.problem.steps.textField()).setValue("60000");

        assertThat(view.message.getText()).startsWith("Not run: this costs 1.20e+05 steps");
    }
}
