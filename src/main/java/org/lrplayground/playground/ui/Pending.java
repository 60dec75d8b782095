package org.lrplayground.playground.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.lrplayground.app.WorkBudget;
import org.lrplayground.engine.format.FormatException;

/**
 * One computation a dialog waits for, off the session lock: a dear job of the {@link WorkBudget}
 * computes on the budget's pool while the page stays live, and its result comes back by
 * {@code ui.access}; a cheap one is done before {@link #start} returns and is shown at once. A
 * newer start replaces the pending job, and the owner's detach (the dialog closed, the page gone)
 * cancels it, so nothing computes for a page that no longer waits.
 */
final class Pending {

    private final Consumer<String> refused;
    private WorkBudget.Job<?> job;

    /**
     * @param owner   the component whose detach cancels the job
     * @param refused shows why nothing was computed: above the budget's limit, the pool full, or a failure
     */
    Pending(Component owner, Consumer<String> refused) {
        this.refused = refused;
        owner.addDetachListener(e -> cancel());
    }

    /** Starts the job {@code start} gives, cancelling the pending one; {@code show} gets its result on the UI. */
    <T> void start(Supplier<WorkBudget.Job<T>> start, Consumer<T> show) {
        cancel();
        WorkBudget.Job<T> mine;
        try {
            mine = start.get();
        } catch (FormatException | WorkBudget.Busy e) {
            refused.accept("Not computed: " + e.getMessage() + ".");
            return;
        }
        if (mine.result().isDone()) {
            deliver(mine, show);
            return;
        }
        job = mine;
        UI ui = UI.getCurrent();
        mine.result().whenComplete((value, failure) -> {
            try {
                ui.access(() -> {
                    if (job == mine) {
                        job = null;
                        deliver(mine, show);
                    }
                });
            } catch (UIDetachedException gone) {
                // The page left while the job finished: no one to show it to.
            }
        });
    }

    void cancel() {
        if (job != null) {
            job.cancel();
            job = null;
        }
    }

    private <T> void deliver(WorkBudget.Job<T> done, Consumer<T> show) {
        T value;
        try {
            value = done.result().join();
        } catch (CancellationException e) {
            return;
        } catch (CompletionException e) {
            refused.accept("Not computed: " + e.getCause().getMessage() + ".");
            return;
        }
        show.accept(value);
    }
}
