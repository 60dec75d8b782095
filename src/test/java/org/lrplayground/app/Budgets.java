package org.lrplayground.app;

import java.time.Duration;
import org.lrplayground.playground.Await;

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

    /** What {@link #stopsAfter} saw: the steps reported in all, and how long after {@code since} the last of them came. */
    public record Stopped(long steps, Duration after) {
    }

    /**
     * Waits until {@code budget}'s reported steps have not grown for half a second, and says when they
     * last grew: the measure of "a computation stops within a second of its client leaving".
     */
    public static Stopped stopsAfter(WorkBudget budget, long since) {
        long[] last = {budget.steps(), since};
        Await.until("the steps have not grown for half a second", () -> {
            long now = System.nanoTime();
            long steps = budget.steps();
            if (steps != last[0]) {
                last[0] = steps;
                last[1] = now;
            }
            return now - last[1] > Duration.ofMillis(500).toNanos();
        });
        return new Stopped(last[0], Duration.ofNanos(last[1] - since));
    }
}
