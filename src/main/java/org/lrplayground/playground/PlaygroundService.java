package org.lrplayground.playground;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.lrplayground.engine.run.Race;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.engine.run.Trajectory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Runs races for views: each owner (a UI) has at most one open {@link Playback}; playing advances
 * the race on a bounded executor and hands copied {@link Frame}s to the owner's callback every
 * {@link #FRAME_MILLIS} ms. The callback runs on the worker thread; views move it onto their UI
 * with {@code ui.access}.
 */
@Service
public class PlaygroundService implements DisposableBean {

    /** The speed that delivers a whole race in one frame. */
    public static final double INSTANT = Double.POSITIVE_INFINITY;
    /** Time between frames while playing. */
    static final long FRAME_MILLIS = 60;
    /** Most steps per run in one frame, so a slow race still shows progress. */
    static final int MAX_STEPS_PER_FRAME = 2_000;
    /** Steps between checks for cancellation when playing at {@link #INSTANT} speed. */
    private static final int INSTANT_CHUNK = 1_000;

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore slots;
    private final Map<Object, Playback> open = new ConcurrentHashMap<>();
    private final AtomicInteger computing = new AtomicInteger();

    public PlaygroundService() {
        this(Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    /** @param concurrentRaces how many races may compute at once; others wait for a slot */
    public PlaygroundService(int concurrentRaces) {
        slots = new Semaphore(concurrentRaces);
    }

    /**
     * Opens a race for {@code owner}, closing the owner's previous one.
     *
     * @param sink receives frames; called from a worker thread while playing
     */
    public Playback open(Object owner, RunSpec spec, Consumer<Frame> sink) {
        Playback playback = new Playback(owner, new Race(spec), sink);
        Playback previous = open.put(owner, playback);
        if (previous != null) {
            previous.close();
        }
        return playback;
    }

    /** How many races are open (for tests and monitoring). */
    public int openCount() {
        return open.size();
    }

    /** How many worker tasks are alive right now, waiting for a slot or computing. */
    public int runningTasks() {
        return computing.get();
    }

    @Override
    public void destroy() {
        open.values().forEach(Playback::close);
        executor.shutdownNow();
    }

    /** One owner's race: play, pause, single steps, close. */
    public final class Playback {

        private final Object owner;
        private final Race race;
        private final Consumer<Frame> sink;
        private final int[] delivered;
        private Future<?> task;
        private volatile boolean closed;

        private Playback(Object owner, Race race, Consumer<Frame> sink) {
            this.owner = owner;
            this.race = race;
            this.sink = sink;
            delivered = new int[race.size()];
        }

        /** The points recorded so far (θ₀ of every run) as a first frame, delivered on the caller's thread. */
        public void deliverStart() {
            Frame frame;
            synchronized (race) {
                frame = collect();
            }
            sink.accept(frame);
        }

        /**
         * Plays at {@code stepsPerSecond} (≥ 1, or {@link #INSTANT}) until the race ends or is paused.
         * Does nothing when already playing or finished.
         */
        public synchronized void play(double stepsPerSecond) {
            if (closed || playing() || race.finished()) {
                return;
            }
            if (!(stepsPerSecond >= 1)) {
                throw new IllegalArgumentException("speed must be at least 1 step per second (got " + stepsPerSecond + ")");
            }
            task = executor.submit(() -> loop(stepsPerSecond));
        }

        public synchronized void pause() {
            if (task != null) {
                task.cancel(true);
                task = null;
            }
        }

        /** Pauses, then advances every unfinished run by one step and delivers the frame on the caller's thread. */
        public void step() {
            pause();
            Frame frame;
            synchronized (race) {
                if (closed || race.finished()) {
                    return;
                }
                race.advance(1);
                frame = collect();
            }
            sink.accept(frame);
        }

        public synchronized boolean playing() {
            return task != null && !task.isDone();
        }

        public boolean finished() {
            synchronized (race) {
                return race.finished();
            }
        }

        public void close() {
            closed = true;
            pause();
            open.remove(owner, this);
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
                    boolean running = true;
                    while (running && !Thread.currentThread().isInterrupted()) {
                        synchronized (race) {
                            running = race.advance(INSTANT_CHUNK);
                        }
                    }
                    if (!running) {
                        emit();
                    }
                    return;
                }
                long begin = System.nanoTime();
                long done = 0;
                while (!Thread.currentThread().isInterrupted()) {
                    double seconds = (System.nanoTime() - begin) / 1e9;
                    long due = 1 + (long) Math.floor(speed * seconds);
                    int steps = (int) Math.min(due - done, MAX_STEPS_PER_FRAME);
                    boolean running = true;
                    if (steps > 0) {
                        synchronized (race) {
                            running = race.advance(steps);
                        }
                        done = Math.max(done + steps, due - MAX_STEPS_PER_FRAME);
                        emit();
                    }
                    if (!running) {
                        return;
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

        private void emit() {
            Frame frame;
            synchronized (race) {
                frame = collect();
            }
            if (!closed && !frame.empty()) {
                sink.accept(frame);
            }
        }

        /** Copies every run's points since the last frame. */
        private Frame collect() {
            List<Frame.Run> runs = new ArrayList<>(race.size());
            for (int r = 0; r < race.size(); r++) {
                Trajectory t = race.trajectory(r);
                Trajectory.Slice slice = t.slice(delivered[r], t.size());
                delivered[r] = t.size();
                runs.add(new Frame.Run(slice, race.status(r), race.distanceToNearestMinimum(r)));
            }
            return new Frame(runs, race.finished());
        }
    }
}
