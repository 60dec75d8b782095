package org.lrplayground.share;

import java.time.Duration;

/** A session made too many short links in a short time; the message is meant for the user as it is. */
public final class RateLimitedException extends RuntimeException {

    private final Duration retryAfter;

    RateLimitedException(int perMinute, Duration retryAfter) {
        super("You made " + perMinute + " short links within a minute, the most there can be. Try again in "
                + Math.max(1, (retryAfter.toMillis() + 999) / 1000) + " s.");
        this.retryAfter = retryAfter;
    }

    /** How long until the session may create a short link again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
