package org.lrplayground.engine.format;

import java.util.List;
import org.lrplayground.engine.param.ValueException;

/**
 * A run-format error as data: where it is (a top-level key, or a run and one of its keys), what
 * is wrong and what is accepted. {@link #parameter} writes the place as the API names it, e.g.
 * {@code run[2].lr}.
 */
public final class FormatException extends ValueException {

    /** The run the error is in, counted from 0, or {@link #TOP_LEVEL}. */
    private final int run;
    /** The key: a top-level key, or a key of the run; null for a run as a whole. */
    private final String key;
    /** The parameter that held the query this error is in (a class's {@code scene}), or null. */
    private final String within;

    public static final int TOP_LEVEL = -1;

    /** An error at a top-level key such as {@code steps}. */
    public FormatException(String key, String problem, List<String> accepted) {
        this(TOP_LEVEL, key, problem, accepted);
    }

    /** An error in run {@code run} (from 0), at its {@code key} or, when null, in the run as a whole. */
    public FormatException(int run, String key, String problem, List<String> accepted) {
        this(null, run, key, problem, accepted);
    }

    private FormatException(String within, int run, String key, String problem, List<String> accepted) {
        super(problem, accepted);
        if (run < TOP_LEVEL || (run == TOP_LEVEL && key == null)) {
            throw new IllegalArgumentException("an error is at a top-level key or in a run (got run " + run + ", key " + key + ")");
        }
        this.run = run;
        this.key = key;
        this.within = within;
    }

    /** The same error in a query that parameter {@code outer} holds, e.g. {@code scene.run[0].lr}. */
    public FormatException within(String outer) {
        return new FormatException(within == null ? outer : outer + "." + within, run, key, problem(), accepted());
    }

    /** The same problem at another place. */
    FormatException at(int atRun, String atKey) {
        return new FormatException(atRun, atKey, problem(), accepted());
    }

    /** A value problem reported at a place. */
    static FormatException of(ValueException e, int run, String key) {
        return e instanceof FormatException f ? f : new FormatException(run, key, e.problem(), e.accepted());
    }

    /** The run the error is in (from 0), or {@link #TOP_LEVEL}. */
    public int run() {
        return run;
    }

    /** The key, top-level or of the run; null for the run as a whole. */
    public String key() {
        return key;
    }

    /** Where the problem is, as the API names it: {@code steps}, {@code run[2]} or {@code run[2].lr}. */
    public String parameter() {
        String inner = run == TOP_LEVEL ? key : "run[" + run + "]" + (key == null ? "" : "." + key);
        return within == null ? inner : within + "." + inner;
    }
}
