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
 * <p>Thread-safe: the race is advanced and read under this stream's lock.
 */
public final class RaceStream {

    /** Steps computed between checks of whether the asking cursor has left. */
    private static final int CHUNK = 1_000;

    private final Race race;
    /** Updates every unfinished run has made so far. */
    private int computed;
    private int cursors;

    RaceStream(RunSpec spec) {
        race = new Race(spec);
    }

    public RunSpec spec() {
        return race.spec();
    }

    /** f* as the engine used it. */
    public double fStar() {
        return race.fStar();
    }

    /** A new cursor at the start: its first frame holds θ₀ of every run. */
    public synchronized Cursor open() {
        cursors++;
        return new Cursor();
    }

    /** Cursors not yet closed. */
    public synchronized int cursors() {
        return cursors;
    }

    /** Updates computed so far (each run's update t is computed once, whoever asked for it). */
    public synchronized int computed() {
        return computed;
    }

    /** Whether every run has ended. */
    public synchronized boolean finished() {
        return race.finished();
    }

    /** Advances the race until every run has made {@code steps} updates or ended; stops early when {@code cursor} closes. */
    private void computeTo(int steps, Cursor cursor) {
        while (computed < steps && !race.finished() && !cursor.closed) {
            int n = Math.min(CHUNK, steps - computed);
            race.advance(n);
            computed += n;
        }
    }

    /** One watcher's place in the stream: what it has been given so far. */
    public final class Cursor implements AutoCloseable {

        /** Points of each run already handed out. */
        private final int[] delivered = new int[race.size()];
        private volatile boolean closed;

        private Cursor() {
        }

        public RaceStream stream() {
            return RaceStream.this;
        }

        /**
         * Everything up to update {@code step} (θ_0 … θ_step of each run) that this cursor has not
         * had yet, computing what is missing. A closed cursor gets an empty frame.
         */
        public Frame next(int step) {
            synchronized (RaceStream.this) {
                computeTo(Math.min(step, race.spec().steps()), this);
                return collect(Math.min(step, computed));
            }
        }

        /** The rest of the race. */
        public Frame rest() {
            return next(race.spec().steps());
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
                if (!race.finished()) {
                    return false;
                }
                for (int r = 0; r < race.size(); r++) {
                    if (delivered[r] < race.trajectory(r).size()) {
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
                    cursors--;
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
                all &= ended;
                double distance = to == 0 ? Double.NaN
                        : race.spec().surface().distanceToNearestMinimum(t.x(to - 1), t.y(to - 1));
                runs.add(new Frame.Run(slice, ended ? race.status(r) : RunStatus.RUNNING, distance));
            }
            return new Frame(runs, all);
        }
    }
}
