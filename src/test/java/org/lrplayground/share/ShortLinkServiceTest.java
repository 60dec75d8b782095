package org.lrplayground.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

/** The service's rules over an in-memory table; ShortLinkPersistenceTest covers the real databases. */
class ShortLinkServiceTest {

    private static final String QUERY = "v=1&surface=booth&run=sgd";

    /** The table as a map, refusing a taken code as the primary key does. */
    static final class MapRepository implements ShortLinkRepository {
        final Map<String, ShortLink> rows = new HashMap<>();

        @Override
        public void insert(String code, String query, String queryHash, Instant createdAt) {
            if (rows.putIfAbsent(code, new ShortLink(code, query, queryHash, createdAt)) != null) {
                throw new DuplicateKeyException("code " + code + " is taken");
            }
        }

        @Override
        public Optional<ShortLink> findById(String code) {
            return Optional.ofNullable(rows.get(code));
        }

        @Override
        public List<ShortLink> findByQueryHashOrderByCreatedAt(String queryHash) {
            return rows.values().stream().filter(link -> queryHash.equals(link.queryHash()))
                    .sorted(Comparator.comparing(ShortLink::createdAt)).toList();
        }
    }

    private final MapRepository repository = new MapRepository();
    private final FakeClock clock = new FakeClock();
    private final ShortLinkService service = new ShortLinkService(repository, clock,
            ShortLinkService.randomCodes(new Random(42)));

    @Test
    void aCreatedLinkResolvesToItsQuery() {
        String code = service.create("session", QUERY);

        assertThat(service.resolve(code)).contains(QUERY);
        assertThat(repository.rows.get(code).createdAt()).isEqualTo(clock.instant());
    }

    @Test
    void theSameQueryGetsTheSameCodeFromAnySession() {
        String code = service.create("teacher", QUERY);
        clock.advance(Duration.ofDays(3));

        assertThat(service.create("teacher", QUERY)).isEqualTo(code);
        assertThat(service.create("colleague", QUERY)).isEqualTo(code);
        assertThat(service.create("teacher", QUERY + "&play=1")).isNotEqualTo(code);
        assertThat(repository.rows).hasSize(2);
        assertThat(repository.rows.get(code).queryHash()).isEqualTo(ShortLinkService.hash(QUERY)).hasSize(64);
    }

    @Test
    void aRowWithTheSameHashButAnotherQueryIsNotReused() {
        repository.insert("CCCCCCCCCC", "run=adam", ShortLinkService.hash(QUERY), clock.instant());

        String code = service.create("session", QUERY);

        assertThat(code).isNotEqualTo("CCCCCCCCCC");
        assertThat(service.resolve(code)).contains(QUERY);
    }

    @Test
    void unknownAndMalformedCodesResolveToNothing() {
        service.create("session", QUERY);

        assertThat(service.resolve("AAAAAAAAAA")).isEmpty();
        assertThat(service.resolve("short")).isEmpty();
        assertThat(service.resolve("../../etc")).isEmpty();
        assertThat(service.resolve("")).isEmpty();
        assertThat(service.resolve(null)).isEmpty();
    }

    @Test
    void codesAreTenBase62CharactersAndDistinct() {
        Supplier<String> codes = ShortLinkService.randomCodes(new Random(7));
        Set<String> seen = new HashSet<>();
        Set<Character> characters = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String code = codes.get();
            assertThat(code).matches("[0-9A-Za-z]{10}");
            assertThat(seen.add(code)).as("code %s is new", code).isTrue();
            code.chars().forEach(c -> characters.add((char) c));
        }
        assertThat(characters).as("all of base62 is used").hasSize(62);
    }

    @Test
    void aTakenCodeIsRetriedWithAFreshOne() {
        ArrayDeque<String> codes = new ArrayDeque<>(List.of("AAAAAAAAAA", "AAAAAAAAAA", "BBBBBBBBBB"));
        ShortLinkService colliding = new ShortLinkService(repository, clock, codes::poll);

        assertThat(colliding.create("a", "run=sgd")).isEqualTo("AAAAAAAAAA");
        assertThat(colliding.create("a", "run=adam")).isEqualTo("BBBBBBBBBB");
        assertThat(colliding.resolve("AAAAAAAAAA")).contains("run=sgd");
    }

    @Test
    void aCodeSourceThatKeepsCollidingIsAnErrorNotALoop() {
        ShortLinkService stuck = new ShortLinkService(repository, clock, () -> "AAAAAAAAAA");
        stuck.create("a", "run=sgd");

        assertThatThrownBy(() -> stuck.create("a", "run=adam")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("taken");
    }

    @Test
    void theRateLimitTripsPerSessionAndRefillsWithTime() {
        for (int i = 0; i < ShortLinkService.PER_MINUTE; i++) {
            service.create("busy", QUERY);
        }
        RateLimitedException limited = catchThrowableOfType(RateLimitedException.class, () -> service.create("busy", QUERY));

        assertThat(limited).as("link %d within a minute", ShortLinkService.PER_MINUTE + 1).isNotNull();
        assertThat(limited.getMessage()).contains("20 short links within a minute", "Try again in 3 s");
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(3));
        assertThat(service.create("other", QUERY)).as("another session is not limited").isNotNull();

        clock.advance(Duration.ofSeconds(2));
        assertThatThrownBy(() -> service.create("busy", QUERY)).isInstanceOf(RateLimitedException.class)
                .hasMessageContaining("Try again in 1 s");
        clock.advance(Duration.ofSeconds(1));
        assertThat(service.create("busy", QUERY)).as("one token back after 3 s").isNotNull();
        assertThatThrownBy(() -> service.create("busy", QUERY)).isInstanceOf(RateLimitedException.class);

        clock.advance(Duration.ofMinutes(5));
        for (int i = 0; i < ShortLinkService.PER_MINUTE; i++) {
            service.create("busy", QUERY);
        }
        assertThatThrownBy(() -> service.create("busy", QUERY)).as("a full bucket holds no more than a minute's worth")
                .isInstanceOf(RateLimitedException.class);
    }

    @Test
    void badQueriesAreRefusedWithoutUsingTheLimit() {
        assertThatThrownBy(() -> service.create("s", " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a query");
        assertThatThrownBy(() -> service.create("s", "run=sgd".repeat(3000))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 16000");
        assertThatThrownBy(() -> service.create("s", "run=sgd\r\nSet-Cookie: x=1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("control characters");
        for (int i = 0; i < ShortLinkService.PER_MINUTE; i++) {
            service.create("s", QUERY);
        }
    }
}
