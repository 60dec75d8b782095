package org.lrplayground.engine.finder;

import java.util.OptionalDouble;

/**
 * A learning rate suggested by one rule of the {@link LrFinder}, or, when the sweep gave the rule too
 * little to work with, no rate and a sentence saying why (never NaN).
 *
 * @param lr   the suggested rate; empty when there is none
 * @param note one sentence for users: how the rate was found, or why there is none
 */
public record Suggestion(OptionalDouble lr, String note) {

    static Suggestion of(double lr, String note) {
        return new Suggestion(OptionalDouble.of(lr), note);
    }

    static Suggestion none(String why) {
        return new Suggestion(OptionalDouble.empty(), why);
    }
}
