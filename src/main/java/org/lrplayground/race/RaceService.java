package org.lrplayground.race;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.run.RunSpec;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Races for every page: one {@link RaceStream} per distinct scene being watched, shared by all its
 * watchers, and a {@link Playback} per watcher that paces its own cursor on a bounded executor and
 * hands {@link Frame}s to its sink every {@link #FRAME_MILLIS} ms. Sinks run on a worker thread;
 * views move them onto their UI with {@code ui.access}.
 */
@Service
public class RaceService implements DisposableBean {

    /** The speed that delivers a whole race in one frame. */
    public static final double INSTANT = Double.POSITIVE_INFINITY;
    /** Time between frames while playing. */
    static final long FRAME_MILLIS = 100;
    /** Most steps per run in one frame, so a slow race still shows progress. */
    static final int MAX_STEPS_PER_FRAME = 2_000;

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore slots;
    /** Streams someone watches, by the scene's normalised link; a stream goes when its last watcher leaves. */
    private final Map<String, RaceStream> streams = new HashMap<>();
    private final AtomicInteger computing = new AtomicInteger();
    private final AtomicInteger watching = new AtomicInteger();
    /** The most the watched races may hold; a race beyond it is refused rather than risking the heap. */
    private final long budgetBytes;
    /**
     * What the races that still hold their trajectories may hold at most, by {@link #bytes}: counted
     * when a stream starts, given back when it releases them (delivered whole, or left by everyone).
     */
    private final AtomicLong heldBytes = new AtomicLong();
    private final PaceClock clock;

    /** Half the heap for races, as many playbacks computing at once as there are cores (at least 2). */
    public RaceService() {
        this(Math.max(2, Runtime.getRuntime().availableProcessors()), Runtime.getRuntime().maxMemory() / 2);
    }

    /**
     * @param concurrentRaces how many playbacks may compute a frame at once; others wait for a slot
     * @param budgetBytes     the most the watched races' trajectories may take together
     */
    public RaceService(int concurrentRaces, long budgetBytes) {
        this(concurrentRaces, budgetBytes, PaceClock.SYSTEM);
    }

    /** @param clock what the playbacks pace their frames by */
    public RaceService(int concurrentRaces, long budgetBytes, PaceClock clock) {
        slots = new Semaphore(concurrentRaces);
        this.budgetBytes = budgetBytes;
        this.clock = clock;
    }

    /** No room for another race: too many large ones are being watched. Data for the page's message. */
    public static final class BusyException extends RuntimeException {

        private final long neededBytes;
        private final long freeBytes;

        BusyException(long neededBytes, long freeBytes) {
            super("the server is busy with other large races: this one needs " + megabytes(neededBytes)
                    + " and " + megabytes(freeBytes) + " are free; try fewer steps or runs, or again in a minute");
            this.neededBytes = neededBytes;
            this.freeBytes = freeBytes;
        }

        public long neededBytes() {
            return neededBytes;
        }

        public long freeBytes() {
            return freeBytes;
        }

        private static String megabytes(long bytes) {
            return Math.max(0, Math.round(bytes / 1048576.0)) + " MB";
        }
    }

    /**
     * The most a race of {@code spec} holds once computed: every run's trajectory of steps + 1
     * points in its 8 columns of doubles (θ, f, ∇f, both effective rates, η).
     */
    static long bytes(RunSpec spec) {
        return (spec.steps() + 1L) * spec.runs().size() * 8 * Double.BYTES;
    }

    /**
     * Starts watching {@code spec}'s race, shared with everyone else watching the same scene.
     *
     * @throws BusyException when a new race would take the races beyond their heap budget
     */
    public Playback watch(RunSpec spec, Consumer<Frame> sink) {
        String key = RunFormat.format(spec);
        synchronized (streams) {
            RaceStream stream = streams.get(key);
            if (stream == null || stream.released()) {
                long needed = bytes(spec);
                long held = heldBytes.get();
                if (held + needed > budgetBytes) {
                    throw new BusyException(needed, budgetBytes - held);
                }
                heldBytes.addAndGet(needed);
                // The release comes under the stream's lock, so it must not take this one: an atomic.
                stream = new RaceStream(spec, () -> heldBytes.addAndGet(-needed));
                streams.put(key, stream);
            }
            watching.incrementAndGet();
            return new Playback(key, stream.open(), sink);
        }
    }

    /** How many playbacks are open (for tests and monitoring). */
    public int watching() {
        return watching.get();
    }

    /** What the races hold now, by {@link #bytes} of those that still keep their trajectories. */
    public long heldBytes() {
        return heldBytes.get();
    }

    /** How many distinct scenes are being watched (a delivered race's stream counts until it is left). */
    public int streams() {
        synchronized (streams) {
            return streams.size();
        }
    }

    /** How many worker tasks are alive right now: playing, waiting for a slot or computing. */
    public int runningTasks() {
        return computing.get();
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    /** One watcher's view of a race: play at a pace, pause, single steps, close. */
    public final class Playback implements AutoCloseable {

        private final String key;
        private final RaceStream.Cursor cursor;
        private final Consumer<Frame> sink;
        private Future<?> task;

        private Playback(String key, RaceStream.Cursor cursor, Consumer<Frame> sink) {
            this.key = key;
            this.cursor = cursor;
            this.sink = sink;
        }

        public RunSpec spec() {
            return cursor.stream().spec();
        }

        /** f* as the engine used it. */
        public double fStar() {
            return cursor.stream().fStar();
        }

        /** Delivers, on the caller's thread, everything up to update {@code step} not delivered yet (θ₀ for 0). */
        public void seek(int step) {
            pause();
            deliver(cursor.next(step));
        }

        /** Delivers the whole race on the caller's thread. */
        public void finish() {
            pause();
            deliver(cursor.rest());
        }

        /**
         * Plays on from where the cursor is at {@code stepsPerSecond} (≥ 1, or {@link #INSTANT}) until
         * the race ends or is paused. Does nothing when already playing or at the end.
         */
        public synchronized void play(double stepsPerSecond) {
            if (!(stepsPerSecond >= 1)) {
                throw new IllegalArgumentException("speed must be at least 1 step per second (got " + stepsPerSecond + ")");
            }
            if (playing() || cursor.atEnd()) {
                return;
            }
            task = executor.submit(() -> loop(stepsPerSecond));
        }

        public synchronized void pause() {
            if (task != null) {
                task.cancel(true);
                task = null;
            }
        }

        /** Pauses, then delivers one more update of every unfinished run on the caller's thread. */
        public void step() {
            seek(cursor.position() + 1);
        }

        public synchronized boolean playing() {
            return task != null && !task.isDone();
        }

        /** Whether this watcher has been shown the whole race. */
        public boolean finished() {
            return cursor.atEnd();
        }

        /** The last update delivered. */
        public int position() {
            return cursor.position();
        }

        @Override
        public void close() {
            pause();
            synchronized (streams) {
                if (cursor.closed()) {
                    return;
                }
                cursor.close();
                watching.decrementAndGet();
                if (cursor.stream().cursors() == 0) {
                    streams.remove(key, cursor.stream());
                    cursor.stream().release();
                }
            }
        }

        private void deliver(Frame frame) {
            if (!frame.empty()) {
                sink.accept(frame);
            }
        }

        private void loop(double speed) {
            computing.incrementAndGet();
            try {
                if (speed == INSTANT) {
                    deliver(inSlot(cursor::rest));
                    return;
                }
                long begin = clock.nanoTime();
                int from = cursor.position();
                while (!Thread.currentThread().isInterrupted() && !cursor.atEnd()) {
                    double seconds = (clock.nanoTime() - begin) / 1e9;
                    long due = from + 1 + (long) Math.floor(speed * seconds);
                    int target = (int) Math.min(due, (long) cursor.position() + MAX_STEPS_PER_FRAME);
                    if (target > cursor.position()) {
                        deliver(inSlot(() -> cursor.next(target)));
                    }
                    if (due > target) { // a slow page or a fast speed: drop the backlog instead of racing to catch up
                        begin = clock.nanoTime();
                        from = cursor.position();
                    }
                    clock.sleep(FRAME_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                computing.decrementAndGet();
            }
        }

        /**
         * Computes a frame holding a slot. Only the computing holds one, not the wait between frames:
         * held for a whole paced race, two slots let two pages animate and every other page wait.
         */
        private Frame inSlot(Supplier<Frame> frame) throws InterruptedException {
            slots.acquire();
            try {
                return frame.get();
            } finally {
                slots.release();
            }
        }
    }
}
