package org.lrplayground.share;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;

/** Short links without a database, for tests of the views that make them. */
public final class InMemoryShortLinks {

    private InMemoryShortLinks() {
    }

    /** A service over an in-memory table whose clock stands still, so that its rate limit never refills. */
    public static ShortLinkService create() {
        return new ShortLinkService(new ShortLinkServiceTest.MapRepository(),
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), ShortLinkService.randomCodes(new Random(1)));
    }
}
