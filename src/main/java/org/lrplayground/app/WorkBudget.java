package org.lrplayground.app;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.lrplayground.engine.format.FormatException;
import org.lrplayground.engine.run.Cost;
import org.lrplayground.engine.run.Progress;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The one gate of everything that computes: a computation's {@link Cost} is checked against
 * {@code lrp.budget.max-steps} before it starts, and a dear one (above {@code inline-steps}) runs
 * on a small pool (a worker per core, a short queue) rather than on the caller's thread, so that
 * however many heavy requests arrive, cheap ones still find a core. When the pool and its queue
 * are full the caller gets {@link Busy} at once rather than a wait nobody can bound.
 *
 * <p>Whoever started a {@link Job} may {@link Job#cancel} it: its {@link Progress} then throws at
 * the computation's next report (every {@link Progress#CHUNK} steps), so it stops within
 * milliseconds. A request thread {@link #await}s its job and looks every {@link #POLL_MS} ms
 * whether its client has gone; a page cancels its job when it is detached.
 */
@Service
@EnableConfigurationProperties(BudgetProperties.class)
public class WorkBudget implements DisposableBean {

    /** For callers whose client cannot be asked whether it left (it will learn at its next write). */
    public static final BooleanSupplier STAYS = () -> false;
    /** How often a waiting caller looks for its client: well under the second a left computation may go on. */
    static final long POLL_MS = 250;

    /** No worker is free and the queue is full: data for a 503 with Retry-After, or a page's message. */
    public static final class Busy extends RuntimeException {

        private final int retryAfterSeconds;

        Busy(int retryAfterSeconds, int running, int waiting) {
            super("the server is busy with other heavy computations (" + running + " running, " + waiting
                    + " waiting); try again in " + retryAfterSeconds + " s", null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public int retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** An admitted computation: its result to come, and the way to stop it. */
    public static final class Job<T> {

        private final CompletableFuture<T> result = new CompletableFuture<>();
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private Runnable task;

        /** Completes with the computation's value or its failure; cancelled when {@link #cancel} was called. */
        public CompletableFuture<T> result() {
            return result;
        }

        /** Stops the computation at its next report, or before it starts when it still waits for a worker. */
        public void cancel() {
            cancelled.set(true);
            result.cancel(false);
        }
    }

    private final BudgetProperties limits;
    private final ThreadPoolExecutor pool;
    /** A place for each worker and each waiting computation: a dear job takes one until it ends. */
    private final Semaphore places;
    private final LongAdder steps = new LongAdder();

    public WorkBudget(BudgetProperties limits) {
        this.limits = limits;
        AtomicInteger count = new AtomicInteger();
        pool = new ThreadPoolExecutor(limits.threads(), limits.threads(), 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "work-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        // Counted here rather than by a bounded queue, which refuses while idle workers have not yet taken its tasks.
        places = new Semaphore(limits.threads() + limits.queue());
    }

    /** Whether the limit allows {@code cost}. */
    public boolean allows(Cost cost) {
        return !cost.exceeds(limits.maxSteps());
    }

    /**
     * Refuses a cost above the limit.
     *
     * @throws FormatException naming the key to lower, the cost and the limit (a 400 for the API)
     */
    public void check(Cost cost) {
        if (!allows(cost)) {
            throw new FormatException(cost.lower(), "this costs " + cost.formatted() + " steps (steps × runs × starts × cells"
                    + " × grid values, × the surface's cost per step), more than the limit of " + limits.maxSteps()
                    + " (lrp.budget.max-steps)", List.of("a smaller " + cost.lower() + " or fewer steps"));
        }
    }

    /**
     * Checks {@code cost} and starts {@code work}: cheap work at once on this thread (the job is done
     * when this returns), dear work on a worker of the pool.
     *
     * @throws FormatException when the cost is above the limit
     * @throws Busy            when no worker is free and the queue is full
     */
    public <T> Job<T> submit(Cost cost, Function<Progress, T> work) {
        Job<T> job = job(cost, work);
        if (job.task != null) {
            if (!places.tryAcquire()) {
                throw new Busy(limits.retryAfterSeconds(), pool.getActiveCount(), pool.getQueue().size());
            }
            pool.execute(job.task);
        }
        return job;
    }

    /**
     * As {@link #submit}, for a further piece of a computation already admitted (the next run of a
     * streamed answer, whose first run got a place): it waits for a place instead of refusing, since
     * a refusal halfway would cut an answer already under way.
     *
     * @throws Progress.Cancelled when {@code clientGone} while it waits for a place
     */
    public <T> Job<T> submitWaiting(Cost cost, Function<Progress, T> work, BooleanSupplier clientGone) {
        Job<T> job = job(cost, work);
        if (job.task != null) {
            try {
                while (!places.tryAcquire(POLL_MS, TimeUnit.MILLISECONDS)) {
                    if (clientGone.getAsBoolean()) {
                        throw new Progress.Cancelled();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Progress.Cancelled();
            }
            pool.execute(job.task);
        }
        return job;
    }

    /**
     * A job of {@code work}, done already when cheap; a dear one has the task for a worker, which
     * gives back its place when it ends.
     */
    private <T> Job<T> job(Cost cost, Function<Progress, T> work) {
        check(cost);
        Job<T> job = new Job<>();
        Progress progress = n -> {
            steps.add(n);
            if (job.cancelled.get()) {
                throw new Progress.Cancelled();
            }
        };
        Runnable compute = () -> {
            if (job.result.isDone()) {
                return; // cancelled while it waited for a worker
            }
            try {
                job.result.complete(work.apply(progress));
            } catch (Throwable failed) {
                job.result.completeExceptionally(failed);
            }
        };
        if (cost.exceeds(limits.inlineSteps())) {
            job.task = () -> {
                try {
                    compute.run();
                } finally {
                    places.release();
                }
            };
        } else {
            compute.run();
        }
        return job;
    }

    /**
     * Waits for {@code job}'s result, looking every {@link #POLL_MS} ms whether {@code clientGone};
     * if so the job is cancelled.
     *
     * @throws Progress.Cancelled when the client left (or this thread was interrupted) before the result came
     */
    public <T> T await(Job<T> job, BooleanSupplier clientGone) {
        try {
            while (true) {
                try {
                    return job.result.get(POLL_MS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillRunning) {
                    if (clientGone.getAsBoolean()) {
                        job.cancel();
                        throw new Progress.Cancelled();
                    }
                }
            }
        } catch (InterruptedException e) {
            job.cancel();
            Thread.currentThread().interrupt();
            throw new Progress.Cancelled();
        } catch (CancellationException e) {
            throw new Progress.Cancelled();
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case RuntimeException r -> throw r;
                case Error error -> throw error;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** Steps reported by all computations so far (tests and monitoring). */
    public long steps() {
        return steps.sum();
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
