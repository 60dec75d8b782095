package org.lrplayground.race;

/**
 * The time playbacks pace their frames by. A test passes one whose sleep moves it on at once, so
 * that a race at 1 step/s plays out without its seconds going by.
 */
public interface PaceClock {

    /** The system's: {@link System#nanoTime} and {@link Thread#sleep}. */
    PaceClock SYSTEM = new PaceClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(long millis) throws InterruptedException {
            Thread.sleep(millis);
        }
    };

    /** Now, in nanoseconds from an arbitrary origin. */
    long nanoTime();

    /** Waits {@code millis} ms on this clock; throws when the thread is interrupted (a pause). */
    void sleep(long millis) throws InterruptedException;
}
