package org.lrplayground.race;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock for paced races in tests: sleeping moves it on at once, so a race at 1 step/s plays its
 * frames as fast as the machine computes them, in the same steps per frame as in real time.
 */
public final class InstantPaceClock implements PaceClock {

    private final AtomicLong now = new AtomicLong();

    @Override
    public long nanoTime() {
        return now.get();
    }

    @Override
    public void sleep(long millis) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("paused");
        }
        now.addAndGet(millis * 1_000_000);
        Thread.yield(); // lets the page's thread in between frames, as a real frame's wait does
    }
}
