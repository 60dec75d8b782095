package org.lrplayground.app;

/** Work budgets for tests that build services without Spring. */
public final class Budgets {

    private Budgets() {
    }

    /** As application.properties sets it. */
    public static WorkBudget standard() {
        return new WorkBudget(new BudgetProperties(200_000_000, 1_000_000, 0, 4, 5));
    }

    /** The standard limit, but every computation it allows on the caller's thread: views' tests see results at once. */
    public static WorkBudget inline() {
        return new WorkBudget(new BudgetProperties(200_000_000, 200_000_000, 0, 4, 5));
    }

    public static WorkBudget of(long maxSteps, long inlineSteps, int workers, int queue) {
        return new WorkBudget(new BudgetProperties(maxSteps, inlineSteps, workers, queue, 5));
    }
}
