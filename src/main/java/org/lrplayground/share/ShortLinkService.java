package org.lrplayground.share;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Short links: {@code /s/<code>} for a run-format query. Codes are 10 random base62 characters
 * (59.5 bits, unguessable), stored with their query forever; a query that already has a code gets
 * that one again, so sharing a scene twice hands out one link. Creating them is limited per session
 * so that no one fills the database by script.
 */
@Service
public class ShortLinkService {

    public static final int CODE_LENGTH = 10;
    /** Links a session may make at once, and again each minute. */
    public static final int PER_MINUTE = 20;
    /** Far above any normalised query (12 runs and a 500-character expression are about 5 000). */
    public static final int MAX_QUERY = 16_000;

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    /** What {@link #resolve} looks up: our codes, and any longer ones a later version may make. */
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z]{8,32}");
    /** A collision among 62¹⁰ codes is near impossible; a few tries make it impossible in practice. */
    private static final int TRIES = 5;

    private final ShortLinkRepository links;
    private final Clock clock;
    private final RateLimiter limiter;
    private final Supplier<String> codes;

    @Autowired
    public ShortLinkService(ShortLinkRepository links) {
        this(links, Clock.systemUTC(), randomCodes(new SecureRandom()));
    }

    ShortLinkService(ShortLinkRepository links, Clock clock, Supplier<String> codes) {
        this.links = links;
        this.clock = clock;
        this.limiter = new RateLimiter("short links", PER_MINUTE, clock);
        this.codes = codes;
    }

    /**
     * The code of {@code query}: the one it already has, or a new one stored with it. Either way the
     * call counts towards the rate limit, which so also bounds the look-ups a script can make.
     *
     * @param sessionKey      whose links count towards the rate limit, e.g. the HTTP session's id
     * @param normalisedQuery a run-format query, e.g. {@code PageLink.format}'s, without the leading '?'
     * @return the code: the link is {@code /s/<code>}
     * @throws RateLimitedException     after {@value #PER_MINUTE} links within a minute from one session
     * @throws IllegalArgumentException when the query is empty, too long or holds control characters
     */
    public String create(String sessionKey, String normalisedQuery) {
        check(normalisedQuery);
        limiter.take(sessionKey);
        String hash = hash(normalisedQuery);
        // Two sessions sharing the same new scene at the same instant may both insert: two working codes, no harm.
        Optional<String> existing = links.findByQueryHashOrderByCreatedAt(hash).stream()
                .filter(link -> link.query().equals(normalisedQuery)).map(ShortLink::code).findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        for (int attempt = 1; ; attempt++) {
            String code = codes.get();
            try {
                links.insert(code, normalisedQuery, hash, clock.instant());
                return code;
            } catch (DuplicateKeyException e) {
                if (attempt == TRIES) {
                    throw new IllegalStateException(TRIES + " random codes in a row were taken: is the code source random?", e);
                }
            }
        }
    }

    /** The query stored under {@code code}; empty for an unknown or malformed code. */
    public Optional<String> resolve(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        return links.findById(code).map(ShortLink::query);
    }

    private static void check(String query) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("a short link needs a query, e.g. surface=booth&run=sgd");
        }
        if (query.length() > MAX_QUERY) {
            throw new IllegalArgumentException("the query is " + query.length() + " characters long (accepted: at most "
                    + MAX_QUERY + ")");
        }
        if (query.startsWith("?") || query.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("the query must be a query string without '?' and control characters");
        }
    }

    /** The query's SHA-256 as 64 lower-case hex digits, as {@code short_link.query_hash} holds it. */
    static String hash(String query) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(query.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static Supplier<String> randomCodes(RandomGenerator random) {
        return () -> {
            char[] code = new char[CODE_LENGTH];
            for (int i = 0; i < code.length; i++) {
                code[i] = BASE62.charAt(random.nextInt(BASE62.length()));
            }
            return new String(code);
        };
    }
}
