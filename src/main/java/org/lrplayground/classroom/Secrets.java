package org.lrplayground.classroom;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * Teacher keys and student tokens: 144 random bits as 24 URL-safe base64 characters (no padding,
 * so they fit a URL fragment and a cookie as they are). Only their SHA-256 is stored, and keys are
 * compared by hash in constant time.
 */
final class Secrets {

    private static final int BYTES = 18;

    private Secrets() {
    }

    static String random(RandomGenerator random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** SHA-256 of the secret as 64 lower-case hex digits, as the database holds it. */
    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Whether {@code secret} hashes to {@code storedHash}, in time that does not depend on where they differ. */
    static boolean matches(String secret, String storedHash) {
        return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
