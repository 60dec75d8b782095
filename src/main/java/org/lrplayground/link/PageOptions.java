package org.lrplayground.link;

import java.util.List;

/**
 * What a link asks of the playground beyond the spec, so that whoever opens it sees the same scene:
 * {@code play=1} starts the runs as it opens, {@code hide=<control>,<control>} hides controls,
 * {@code speed=<name>} sets the replay speed, {@code side=1} draws each run in its own plot,
 * {@code view=<name>} shows the surface as a contour plot or in 3-D, and {@code lesson=<id>} shows
 * a lesson's explanation beside the playground. The UI names and interprets controls, speeds,
 * views and lessons; {@link PageLink} only checks that they are names.
 *
 * @param play       whether the runs start as the link opens
 * @param hide       the names of the controls to hide, in link order, without repeats
 * @param speed      the replay speed's name, or empty for the UI's default
 * @param sideBySide whether each run gets its own plot
 * @param lesson     the id of the lesson to show, or empty for none
 * @param view       the plot view's name, or empty for the UI's default (the contour plot)
 */
public record PageOptions(boolean play, List<String> hide, String speed, boolean sideBySide, String lesson, String view) {

    /** The link format version that {@link PageLink#format} writes as {@code v=}. */
    public static final int VERSION = 1;

    public static final PageOptions NONE = new PageOptions(false, List.of(), "", false, "", "");

    public PageOptions {
        hide = List.copyOf(hide);
        speed = speed == null ? "" : speed;
        lesson = lesson == null ? "" : lesson;
        view = view == null ? "" : view;
    }

    public PageOptions withPlay(boolean play) {
        return new PageOptions(play, hide, speed, sideBySide, lesson, view);
    }

    public PageOptions withHide(List<String> hide) {
        return new PageOptions(play, hide, speed, sideBySide, lesson, view);
    }

    public PageOptions withSpeed(String speed) {
        return new PageOptions(play, hide, speed, sideBySide, lesson, view);
    }

    public PageOptions withSideBySide(boolean sideBySide) {
        return new PageOptions(play, hide, speed, sideBySide, lesson, view);
    }

    public PageOptions withLesson(String lesson) {
        return new PageOptions(play, hide, speed, sideBySide, lesson, view);
    }

    public PageOptions withView(String view) {
        return new PageOptions(play, hide, speed, sideBySide, lesson, view);
    }
}
