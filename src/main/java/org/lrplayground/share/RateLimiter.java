package org.lrplayground.share;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A token bucket per key: up to {@code count} takes at once, refilled continuously at
 * {@code count} a period (a minute unless given). In memory: a restart forgets the buckets, which only forgives.
 * Synchronised: what it limits (short links, joins to a class, hand-ins) is done by hand, a few a
 * minute per key, so a lock costs nothing.
 */
public final class RateLimiter {

    /** Full buckets say nothing a new one would not; past this many keys they are dropped. */
    private static final int SWEEP_ABOVE = 10_000;

    private final String what;
    private final int count;
    private final Duration period;
    private final double periodNanos;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new HashMap<>();

    /** {@code tokens} as counted at {@code nanos} on the clock. */
    private record Bucket(double tokens, long nanos) {
    }

    /** @param what what is counted, plural, as users read it: "short links" */
    public RateLimiter(String what, int perMinute, Clock clock) {
        this(what, perMinute, Duration.ofMinutes(1), clock);
    }

    /** @param count takes per {@code period}, e.g. 10 classes an hour */
    public RateLimiter(String what, int count, Duration period, Clock clock) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1 (got " + count + ")");
        }
        this.what = what;
        this.count = count;
        this.period = period;
        this.periodNanos = period.toNanos();
        this.clock = clock;
    }

    /**
     * Takes one token for {@code key}.
     *
     * @throws RateLimitedException when its bucket is empty, saying when the next token arrives
     */
    public synchronized void take(String key) {
        long now = nanos(clock.instant());
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(b -> tokens(b, now) >= count);
        }
        double tokens = available(key, now);
        buckets.put(key, new Bucket(tokens - 1, now));
    }

    /**
     * Fails like {@link #take} would, without taking a token: for callers that count only failed
     * attempts but must refuse every attempt once the bucket is empty.
     *
     * @throws RateLimitedException when {@code key}'s bucket is empty
     */
    public synchronized void check(String key) {
        available(key, nanos(clock.instant()));
    }

    private double available(String key, long now) {
        Bucket bucket = buckets.get(key);
        double tokens = bucket == null ? count : tokens(bucket, now);
        if (tokens < 1) {
            throw new RateLimitedException(what, count, period, Duration.ofNanos((long) Math.ceil((1 - tokens) * periodNanos / count)));
        }
        return tokens;
    }

    private double tokens(Bucket b, long now) {
        return Math.min(count, b.tokens() + (now - b.nanos()) * count / periodNanos);
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
