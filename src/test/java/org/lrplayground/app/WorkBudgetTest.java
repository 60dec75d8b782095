package org.lrplayground.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lrplayground.engine.format.FormatException;
import org.lrplayground.engine.run.Cost;
import org.lrplayground.engine.run.Progress;
import org.lrplayground.playground.Await;

class WorkBudgetTest {

    /** Released at the end of each test, so that no worker stays blocked. */
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<WorkBudget> budgets = new ArrayList<>();

    @AfterEach
    void releaseWorkers() {
        release.countDown();
        budgets.forEach(WorkBudget::destroy);
    }

    private WorkBudget budget(long maxSteps, long inlineSteps, int workers, int queue) {
        WorkBudget budget = Budgets.of(maxSteps, inlineSteps, workers, queue);
        budgets.add(budget);
        return budget;
    }

    /** Blockers that have got a worker. */
    private final AtomicInteger blocking = new AtomicInteger();

    /** Work that holds its worker until the test ends. */
    private String blocks(Progress progress) {
        blocking.incrementAndGet();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "released";
    }

    /** Work that reports steps until it is stopped. */
    private static String spins(Progress progress) {
        while (true) {
            progress.done(Progress.CHUNK);
        }
    }

    @Test
    void aCostAboveTheLimitIsRefusedNamingTheKeyTheCostAndTheLimit() {
        WorkBudget budget = budget(1_000_000, 1_000, 1, 1);

        assertThatThrownBy(() -> budget.submit(new Cost(4e9, "grid"), p -> "never"))
                .isInstanceOfSatisfying(FormatException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("grid");
                    assertThat(e.getMessage()).contains("this costs 4.00e+09 steps")
                            .contains("the limit of 1000000 (lrp.budget.max-steps)");
                });
    }

    @Test
    void aCostAtTheLimitIsAllowed() {
        WorkBudget budget = budget(1_000_000, 1_000_000, 1, 1);

        assertThat(budget.submit(new Cost(1_000_000, "steps"), p -> "done").result()).isCompletedWithValue("done");
    }

    @Test
    void cheapWorkIsDoneOnTheCallersThreadBeforeSubmitReturns() {
        WorkBudget budget = budget(1_000_000, 1_000, 1, 1);

        WorkBudget.Job<String> job = budget.submit(new Cost(1_000, "steps"), p -> Thread.currentThread().getName());

        assertThat(job.result()).isCompletedWithValue(Thread.currentThread().getName());
    }

    @Test
    void dearWorkRunsOnAWorkerOfThePool() {
        WorkBudget budget = budget(1_000_000, 1_000, 1, 1);

        String thread = budget.await(budget.submit(new Cost(1_001, "steps"), p -> Thread.currentThread().getName()),
                WorkBudget.STAYS);

        assertThat(thread).startsWith("work-");
    }

    @Test
    void withEveryWorkerBusyAndTheQueueFullTheNextIsBusyWithItsRetryAfter() {
        WorkBudget budget = budget(1_000_000, 0, 2, 1);
        Cost dear = new Cost(10, "steps");
        budget.submit(dear, this::blocks);
        budget.submit(dear, this::blocks);
        Await.until("both workers are taken", () -> blocking.get() == 2);
        budget.submit(dear, this::blocks); // waits in the queue

        assertThatThrownBy(() -> budget.submit(dear, p -> "never"))
                .isInstanceOfSatisfying(WorkBudget.Busy.class, e -> {
                    assertThat(e.retryAfterSeconds()).isEqualTo(5);
                    assertThat(e.getMessage()).contains("busy").contains("try again in 5 s");
                });
        // Cheap work never waits for the pool.
        assertThat(budget.submit(new Cost(0, "steps"), p -> "cheap").result()).isCompletedWithValue("cheap");
    }

    @Test
    void aContinuationWaitsForRoomInsteadOfBeingRefused() throws Exception {
        WorkBudget budget = budget(1_000_000, 0, 1, 1);
        Cost dear = new Cost(10, "steps");
        budget.submit(dear, this::blocks);
        Await.until("the worker is taken", () -> blocking.get() == 1);
        budget.submit(dear, p -> "queued");
        AtomicBoolean admitted = new AtomicBoolean();
        Thread next = Thread.ofPlatform().start(() -> {
            budget.submitWaiting(dear, p -> "next", WorkBudget.STAYS);
            admitted.set(true);
        });

        assertThat(next.join(Duration.ofMillis(3 * WorkBudget.POLL_MS))).isFalse();
        assertThat(admitted).isFalse();
        release.countDown();
        next.join();
        assertThat(admitted).isTrue();
    }

    @Test
    void aCancelledJobStopsAtItsNextReport() {
        WorkBudget budget = budget(1_000_000, 0, 1, 1);
        CountDownLatch stopped = new CountDownLatch(1);
        WorkBudget.Job<String> job = spinning(budget, stopped);

        job.cancel();

        Await.until("the job stops", () -> stopped.getCount() == 0);
        assertThat(job.result()).isCancelled();
    }

    @Test
    void aWaitingCallerWhoseClientLeftCancelsItsJobWhichStopsWithinASecond() throws Exception {
        WorkBudget budget = budget(1_000_000, 0, 1, 1);
        CountDownLatch stopped = new CountDownLatch(1);
        WorkBudget.Job<String> job = spinning(budget, stopped);
        AtomicBoolean gone = new AtomicBoolean();
        AtomicReference<RuntimeException> answer = new AtomicReference<>();
        Thread caller = Thread.ofPlatform().start(() -> {
            try {
                budget.await(job, gone::get);
            } catch (RuntimeException e) {
                answer.set(e);
            }
        });

        long left = System.nanoTime();
        gone.set(true);

        assertThat(stopped.await(1, TimeUnit.SECONDS)).as("stopped within a second").isTrue();
        long stepsWhenStopped = budget.steps();
        caller.join();
        assertThat(answer.get()).isInstanceOf(Progress.Cancelled.class);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - left)).isLessThan(1_000);
        assertThat(budget.steps()).isEqualTo(stepsWhenStopped);
    }

    @Test
    void aFailureOfTheWorkReachesTheWaitingCaller() {
        WorkBudget budget = budget(1_000_000, 0, 1, 1);

        WorkBudget.Job<String> job = budget.submit(new Cost(10, "steps"), p -> {
            throw new IllegalArgumentException("no such run");
        });

        assertThatThrownBy(() -> budget.await(job, WorkBudget.STAYS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no such run");
    }

    /** A job on {@code budget} that spins until cancelled, counting {@code stopped} down when it ends; returned once it reports steps. */
    private static WorkBudget.Job<String> spinning(WorkBudget budget, CountDownLatch stopped) {
        WorkBudget.Job<String> job = budget.submit(new Cost(10, "steps"), p -> {
            try {
                return spins(p);
            } finally {
                stopped.countDown();
            }
        });
        Await.until("the job reports steps", () -> budget.steps() > 0);
        return job;
    }
}
