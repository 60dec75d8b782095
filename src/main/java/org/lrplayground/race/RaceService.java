package org.lrplayground.race;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
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
    static final long FRAME_MILLIS = 60;
    /** Most steps per run in one frame, so a slow race still shows progress. */
    static final int MAX_STEPS_PER_FRAME = 2_000;

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore slots;
    /** Streams someone watches, by the scene's normalised link; a stream goes when its last watcher leaves. */
    private final Map<String, RaceStream> streams = new HashMap<>();
    private final AtomicInteger computing = new AtomicInteger();

    public RaceService() {
        this(Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    /** @param concurrentRaces how many playbacks may compute at once; others wait for a slot */
    public RaceService(int concurrentRaces) {
        slots = new Semaphore(concurrentRaces);
    }

    /** Starts watching {@code spec}'s race, shared with everyone else watching the same scene. */
    public Playback watch(RunSpec spec, Consumer<Frame> sink) {
        String key = RunFormat.format(spec);
        synchronized (streams) {
            RaceStream stream = streams.computeIfAbsent(key, k -> new RaceStream(spec));
            return new Playback(key, stream.open(), sink);
        }
    }

    /** How many playbacks are open (for tests and monitoring). */
    public int watching() {
        synchronized (streams) {
            return streams.values().stream().mapToInt(RaceStream::cursors).sum();
        }
    }

    /** How many distinct races are being watched. */
    public int streams() {
        synchronized (streams) {
            return streams.size();
        }
    }

    /** How many worker tasks are alive right now, waiting for a slot or computing. */
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
                cursor.close();
                if (cursor.stream().cursors() == 0) {
                    streams.remove(key, cursor.stream());
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
                slots.acquire();
            } catch (InterruptedException e) {
                computing.decrementAndGet();
                return;
            }
            try {
                if (speed == INSTANT) {
                    deliver(cursor.rest());
                    return;
                }
                long begin = System.nanoTime();
                int from = cursor.position();
                while (!Thread.currentThread().isInterrupted() && !cursor.atEnd()) {
                    double seconds = (System.nanoTime() - begin) / 1e9;
                    long due = from + 1 + (long) Math.floor(speed * seconds);
                    int target = (int) Math.min(due, (long) cursor.position() + MAX_STEPS_PER_FRAME);
                    if (target > cursor.position()) {
                        deliver(cursor.next(target));
                    }
                    if (due > target) { // a slow page or a fast speed: drop the backlog instead of racing to catch up
                        begin = System.nanoTime();
                        from = cursor.position();
                    }
                    Thread.sleep(FRAME_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                slots.release();
                computing.decrementAndGet();
            }
        }
    }
}
