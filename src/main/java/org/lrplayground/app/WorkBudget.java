package org.lrplayground.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
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
 * are full the caller gets {@link Busy}. While it waits, the caller asks every {@link #POLL_MS} ms
 * whether its client has gone; if so the computation's {@link Progress} throws at its next report.
 */
@Service
@EnableConfigurationProperties(BudgetProperties.class)
public class WorkBudget implements DisposableBean {

    /** For callers whose client cannot leave while they wait (a view's own request holds its session). */
    public static final BooleanSupplier STAYS = () -> false;
    /** How often a waiting caller looks for its client. */
    static final long POLL_MS = 250;

    /** A computation and what it reports; it may write its answer, hence the I/O error. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Progress progress) throws IOException;
    }

    /** No worker is free and the queue is full: data for a 503 with Retry-After, or a dialog's message. */
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

    private final BudgetProperties limits;
    private final ThreadPoolExecutor pool;
    private final LongAdder steps = new LongAdder();

    public WorkBudget(BudgetProperties limits) {
        this.limits = limits;
        AtomicInteger count = new AtomicInteger();
        pool = new ThreadPoolExecutor(limits.threads(), limits.threads(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(limits.queue()), r -> {
                    Thread t = new Thread(r, "work-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
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
     * Checks {@code cost}, then runs {@code work}: cheap work on this thread, dear work on a worker
     * while this thread waits, looking every {@link #POLL_MS} ms whether {@code clientGone}.
     *
     * @throws FormatException    when the cost is above the limit
     * @throws Busy               when no worker is free and the queue is full
     * @throws Progress.Cancelled when the client left before the work was done
     */
    public <T> T compute(Cost cost, BooleanSupplier clientGone, Work<T> work) throws IOException {
        check(cost);
        AtomicBoolean cancelled = new AtomicBoolean();
        Progress progress = n -> {
            steps.add(n);
            if (cancelled.get()) {
                throw new Progress.Cancelled();
            }
        };
        if (!cost.exceeds(limits.inlineSteps())) {
            return work.run(progress);
        }
        Future<T> done;
        try {
            done = pool.submit(() -> work.run(progress));
        } catch (RejectedExecutionException full) {
            throw new Busy(limits.retryAfterSeconds(), pool.getActiveCount(), pool.getQueue().size());
        }
        try {
            while (true) {
                try {
                    return done.get(POLL_MS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillRunning) {
                    if (clientGone.getAsBoolean()) {
                        cancelled.set(true);
                        done.cancel(false);
                        throw new Progress.Cancelled();
                    }
                }
            }
        } catch (InterruptedException e) {
            cancelled.set(true);
            Thread.currentThread().interrupt();
            throw new Progress.Cancelled();
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case RuntimeException r -> throw r;
                case IOException io -> throw io;
                case Error error -> throw error;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** As {@link #compute}, for work that writes nothing (an analysis), so has no I/O error. */
    public <T> T analyse(Cost cost, BooleanSupplier clientGone, Function<Progress, T> work) {
        try {
            return compute(cost, clientGone, work::apply);
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException(cannotHappen);
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
