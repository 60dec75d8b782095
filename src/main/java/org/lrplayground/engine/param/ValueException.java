package org.lrplayground.engine.param;

import java.util.List;

/**
 * A value that is not accepted, as data: what is wrong with it and what would be accepted, so that
 * callers route and word it without reading the message. The message joins the two into one
 * sentence: "lr = -1 is out of range (accepted: 0 < lr ≤ 100)".
 */
public class ValueException extends IllegalArgumentException {

    private final String problem;
    private final List<String> accepted;

    /**
     * @param problem  what is wrong, e.g. "lr = -1 is out of range"
     * @param accepted what would be accepted: one description such as "0 < lr ≤ 100", or the
     *                 names to choose from; empty when there is nothing to list
     */
    public ValueException(String problem, List<String> accepted) {
        super(sentence(problem, accepted));
        this.problem = problem;
        this.accepted = List.copyOf(accepted);
    }

    public ValueException(String problem, String accepted) {
        this(problem, List.of(accepted));
    }

    private static String sentence(String problem, List<String> accepted) {
        return accepted.isEmpty() ? problem : problem + " (accepted: " + String.join(", ", accepted) + ")";
    }

    public String problem() {
        return problem;
    }

    /** One description, or the names to choose from; empty when nothing is listed. */
    public List<String> accepted() {
        return accepted;
    }

    /** Whether the accepted values are a list of names to choose from (which a form's picker shows). */
    public boolean acceptsNames() {
        return accepted.size() > 1;
    }
}
