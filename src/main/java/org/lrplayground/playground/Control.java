package org.lrplayground.playground;

import java.util.Arrays;
import java.util.Optional;

/**
 * The controls of the playground a link may hide ({@code hide=<id>,…}), each with what a teacher
 * reads beside it when sharing. The one list: the view, the share dialog and the README follow it.
 */
public enum Control {
    PROBLEM("problem", "Problem (surface, start, steps)"),
    RUNS("runs", "Runs (optimizers and their settings)"),
    RUN("run", "Run button"),
    STEP("step", "Step button"),
    RESET("reset", "Reset button"),
    SPEED("speed", "Speed"),
    SIDE_BY_SIDE("side-by-side", "Side by side switch"),
    THEME("theme", "Theme button"),
    EXPORT("export", "Export button"),
    CHARTS("charts", "Line charts"),
    SHARE("share", "Share button");

    private final String id;
    private final String label;

    Control(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The name links use. */
    public String id() {
        return id;
    }

    /** What a teacher reads beside it. */
    public String label() {
        return label;
    }

    public static Optional<Control> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
