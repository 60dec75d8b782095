package org.lrplayground.playground;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition that another thread brings about, failing after a generous limit. */
public final class Await {

    private Await() {
    }

    public static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
