package org.lrplayground.share;

import java.time.Duration;

/** Someone did too much in a short time (see {@link RateLimiter}); the message is meant for the user as it is. */
public final class RateLimitedException extends RuntimeException {

    private final Duration retryAfter;

    RateLimitedException(String what, int count, Duration period, Duration retryAfter) {
        this("You made " + count + " " + what + " within " + (period.equals(Duration.ofHours(1)) ? "an hour"
                : period.equals(Duration.ofMinutes(1)) ? "a minute" : period.toSeconds() + " s")
                + ", the most there can be. Try again in " + Math.max(1, (retryAfter.toMillis() + 999) / 1000) + " s.", retryAfter);
    }

    /** A limit other than a bucket's, e.g. a whole server's; {@code message} is meant for the user as it is. */
    public RateLimitedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** How long until the next attempt is allowed. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
