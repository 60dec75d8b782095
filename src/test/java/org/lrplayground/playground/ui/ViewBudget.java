package org.lrplayground.playground.ui;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.lrplayground.app.Budgets;
import org.lrplayground.app.WorkBudget;

/**
 * The work budget a test class's playground views are made with, instead of the all-inline one the
 * other view tests use so that their dialogs answer at once; the pool is shut down after the class.
 */
final class ViewBudget implements BeforeAllCallback, AfterAllCallback {

    private final WorkBudget budget;

    ViewBudget(WorkBudget budget) {
        this.budget = budget;
    }

    WorkBudget budget() {
        return budget;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        PlaygroundViewTest.budget = budget;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        budget.destroy();
        PlaygroundViewTest.budget = Budgets.inline();
    }
}
