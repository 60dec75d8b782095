package org.lrplayground.api;

import java.util.List;
import org.lrplayground.engine.format.FormatException;
import org.lrplayground.engine.param.Param;
import org.lrplayground.engine.param.ValueException;

/**
 * The keys an analysis adds to a scene's query ({@code grid=}, {@code starts=}, {@code target=}):
 * each given at most once, its problems reported as a {@link FormatException} naming it, which
 * {@link ApiErrors} answers with a 400.
 */
final class QueryKeys {

    private QueryKeys() {
    }

    /**
     * The whole number of {@code p} in {@code texts} (the query's values of its key, null when absent).
     *
     * @param required whether an absent key is a problem; otherwise it takes its default
     */
    static int integer(Param p, List<String> texts, boolean required) {
        if (texts == null && !required) {
            return (int) p.defaultValue(Param.Context.NONE);
        }
        String text = once(p.name(), texts, "=<n>", p.accepted());
        try {
            return (int) p.parse(text);
        } catch (ValueException e) {
            throw new FormatException(p.name(), e.problem(), e.accepted());
        }
    }

    /** One of {@code accepted} named by {@code key}, or {@code fallback} when the key is absent. */
    static String choice(String key, List<String> texts, List<String> accepted, String fallback) {
        if (texts == null) {
            return fallback;
        }
        String text = once(key, texts, "=<name>", String.join(", ", accepted));
        if (!accepted.contains(text)) {
            throw new FormatException(key, key + " = " + text + " is not accepted", accepted);
        }
        return text;
    }

    /** The key's one value; absent or repeated is a problem. */
    private static String once(String key, List<String> texts, String form, String accepted) {
        if (texts == null || texts.size() != 1) {
            throw new FormatException(key, texts == null ? key + form + " is needed" : key + " is given " + texts.size() + " times",
                    List.of(accepted + ", once"));
        }
        return texts.getFirst();
    }
}
