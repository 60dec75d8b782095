package org.lrplayground.engine.format;

import java.util.List;

/**
 * What a link asks of the playground beyond the spec: {@code play=1} starts the runs as it opens,
 * {@code hide=<control>,<control>} hides controls. The UI names and interprets the controls.
 *
 * @param play whether the runs start as the link opens
 * @param hide the names of the controls to hide, in link order, without repeats
 */
public record LinkOptions(boolean play, List<String> hide) {

    /** The link format version that {@link RunFormat#formatLink} writes as {@code v=}. */
    public static final int VERSION = 1;

    public static final LinkOptions NONE = new LinkOptions(false, List.of());

    public LinkOptions {
        hide = List.copyOf(hide);
    }
}
