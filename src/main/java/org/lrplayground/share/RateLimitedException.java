package org.lrplayground.share;

import java.time.Duration;

/** Someone did too much in a short time (see {@link RateLimiter}); the message is meant for the user as it is. */
public final class RateLimitedException extends RuntimeException {

    private final Duration retryAfter;

    RateLimitedException(String what, int perMinute, Duration retryAfter) {
        super("You made " + perMinute + " " + what + " within a minute, the most there can be. Try again in "
                + Math.max(1, (retryAfter.toMillis() + 999) / 1000) + " s.");
        this.retryAfter = retryAfter;
    }

    /** How long until the next attempt is allowed. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
