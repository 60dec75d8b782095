package org.lrplayground.race;

import java.util.ArrayList;
import java.util.List;
import org.lrplayground.engine.run.Race;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.engine.run.RunStatus;
import org.lrplayground.engine.run.Trajectory;

/**
 * One race, computed once and watched by any number of {@link Cursor}s. Computing is pulled: a
 * cursor that asks for steps nobody has asked for yet advances the race; the others read what is
 * already there. So a late cursor gets everything so far in its first frame, cursors leave on
 * their own, and nothing is computed once the race has ended or nobody asks.
 *
 * <p>Once the race has ended and every open cursor has been given all of it, the stream lets its
 * trajectories go ({@link #released}): they are what a page's race holds (up to 77 MB for the
 * largest scene), and nothing can ask for them any more. A later watcher of the scene gets a new
 * stream, which computes it again (the same points: the engine is deterministic).
 *
 * <p>Thread-safe: the race is advanced and read under this stream's lock.
 */
public final class RaceStream {

    /** Steps computed between checks of whether the asking cursor has left. */
    private static final int CHUNK = 1_000;

    private final RunSpec spec;
    private final double fStar;
    /** Called once when the trajectories go, by {@link #release}. */
    private final Runnable onRelease;
    /** Null once released. */
    private Race race;
    /** Updates every unfinished run has made so far. */
    private int computed;
    private final List<Cursor> open = new ArrayList<>();

    RaceStream(RunSpec spec) {
        this(spec, () -> {
        });
    }

    /** @param onRelease called once, under this stream's lock, when its trajectories go */
    RaceStream(RunSpec spec, Runnable onRelease) {
        this.spec = spec;
        this.onRelease = onRelease;
        race = new Race(spec);
        fStar = race.fStar();
    }

    public RunSpec spec() {
        return spec;
    }

    /** f* as the engine used it. */
    public double fStar() {
        return fStar;
    }

    /** Whether the trajectories are gone: the race was delivered whole to every cursor, or its last cursor closed. */
    public synchronized boolean released() {
        return race == null;
    }

    /** Lets the trajectories go (once). */
    synchronized void release() {
        if (race != null) {
            race = null;
            onRelease.run();
        }
    }

    /** A new cursor at the start: its first frame holds θ₀ of every run. */
    public synchronized Cursor open() {
        if (race == null) {
            throw new IllegalStateException("the race was released; watch the scene anew");
        }
        Cursor cursor = new Cursor();
        open.add(cursor);
        return cursor;
    }

    /** Cursors not yet closed. */
    public synchronized int cursors() {
        return open.size();
    }

    /** Updates computed so far (each run's update t is computed once, whoever asked for it). */
    public synchronized int computed() {
        return computed;
    }

    /** Whether every run has ended. */
    public synchronized boolean finished() {
        return race == null || race.finished();
    }

    /** Releases the trajectories once the race has ended and every open cursor has had all of it. */
    private void releaseIfDelivered() {
        if (race != null && race.finished() && open.stream().allMatch(Cursor::atEnd)) {
            release();
        }
    }

    /** Advances the race until every run has made {@code steps} updates or ended; stops early when {@code cursor} closes. */
    private void computeTo(int steps, Cursor cursor) {
        while (race != null && computed < steps && !race.finished() && !cursor.closed) {
            int n = Math.min(CHUNK, steps - computed);
            race.advance(n);
            computed += n;
        }
    }

    /** One watcher's place in the stream: what it has been given so far. */
    public final class Cursor implements AutoCloseable {

        /** Points of each run already handed out. */
        private final int[] delivered = new int[spec.runs().size()];
        /**
         * Whether each run's end has been handed out. Counting points cannot tell: a run that ends
         * on a step without a point (it diverged there) has no more points than the frame before.
         */
        private final boolean[] endTold = new boolean[spec.runs().size()];
        private volatile boolean closed;

        private Cursor() {
        }

        public RaceStream stream() {
            return RaceStream.this;
        }

        public boolean closed() {
            return closed;
        }

        /**
         * Everything up to update {@code step} (θ_0 … θ_step of each run) that this cursor has not
         * had yet, computing what is missing. A closed cursor gets an empty frame.
         */
        public Frame next(int step) {
            synchronized (RaceStream.this) {
                if (race == null) {
                    return new Frame(List.of(), true); // released: this cursor has had everything
                }
                computeTo(Math.min(step, spec.steps()), this);
                Frame frame = collect(Math.min(step, computed));
                releaseIfDelivered();
                return frame;
            }
        }

        /** The rest of the race. */
        public Frame rest() {
            return next(spec.steps());
        }

        /** The last update handed out (−1 before the first frame). */
        public int position() {
            synchronized (RaceStream.this) {
                int max = -1;
                for (int d : delivered) {
                    max = Math.max(max, d - 1);
                }
                return max;
            }
        }

        /** Whether this cursor has been given the whole race. */
        public boolean atEnd() {
            synchronized (RaceStream.this) {
                if (race == null) {
                    return true; // released only once every open cursor was at the end
                }
                for (boolean told : endTold) {
                    if (!told) {
                        return false;
                    }
                }
                return true;
            }
        }

        @Override
        public void close() {
            synchronized (RaceStream.this) {
                if (!closed) {
                    closed = true;
                    open.remove(this);
                    releaseIfDelivered();
                }
            }
        }

        /** Copies each run's points from this cursor's place up to θ_step. */
        private Frame collect(int step) {
            List<Frame.Run> runs = new ArrayList<>(race.size());
            boolean all = true;
            for (int r = 0; r < race.size(); r++) {
                Trajectory t = race.trajectory(r);
                int to = closed ? delivered[r] : Math.max(delivered[r], Math.min(t.size(), step + 1));
                Trajectory.Slice slice = t.slice(delivered[r], to);
                delivered[r] = to;
                boolean ended = race.status(r).finished() && to == t.size();
                boolean ends = ended && !closed && !endTold[r];
                endTold[r] |= ends;
                all &= ended;
                double distance = to == 0 ? Double.NaN
                        : race.spec().surface().distanceToNearestMinimum(t.x(to - 1), t.y(to - 1));
                runs.add(new Frame.Run(slice, ended ? race.status(r) : RunStatus.RUNNING, distance, ends));
            }
            return new Frame(runs, all);
        }
    }
}
