package org.lrplayground.ui;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the surface plot shows: the contour plot, or the 3-D view with height f − f* or, on a log
 * scale, log₁₀(f − f* + ε) (the contour plot's colour scale). {@link #id} is the name the page
 * and a link's {@code view=} use.
 */
public enum PlotView {
    CONTOUR("contour"), SURFACE("3d"), SURFACE_LOG("3d-log");

    private final String id;

    PlotView(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The view of that name, if there is one. */
    public static Optional<PlotView> of(String id) {
        return Arrays.stream(values()).filter(v -> v.id.equals(id)).findFirst();
    }

    /** The view a link names ({@code ""}: the contour plot); an unknown one is noted and the contour plot shown. */
    public static PlotView ofLink(String id, List<String> notes) {
        if (id.isEmpty()) {
            return CONTOUR;
        }
        Optional<PlotView> named = of(id);
        if (named.isEmpty()) {
            notes.add("ignored view " + id + ": no such view; accepted: "
                    + String.join(", ", Arrays.stream(values()).map(PlotView::id).toList()));
        }
        return named.orElse(CONTOUR);
    }
}
