package org.lrplayground.engine.format;

import java.util.List;

/**
 * What a link asks of the playground beyond the spec, so that whoever opens it sees the same scene:
 * {@code play=1} starts the runs as it opens, {@code hide=<control>,<control>} hides controls,
 * {@code speed=<name>} sets the replay speed, {@code side=1} draws each run in its own plot, and
 * {@code lesson=<id>} shows a lesson's explanation beside the playground. The UI names and
 * interprets controls, speeds and lessons; the format only checks that they are names.
 *
 * @param play       whether the runs start as the link opens
 * @param hide       the names of the controls to hide, in link order, without repeats
 * @param speed      the replay speed's name, or empty for the UI's default
 * @param sideBySide whether each run gets its own plot
 * @param lesson     the id of the lesson to show, or empty for none
 */
public record LinkOptions(boolean play, List<String> hide, String speed, boolean sideBySide, String lesson) {

    /** The link format version that {@link RunFormat#formatLink} writes as {@code v=}. */
    public static final int VERSION = 1;

    public static final LinkOptions NONE = new LinkOptions(false, List.of(), "", false, "");

    public LinkOptions {
        hide = List.copyOf(hide);
        speed = speed == null ? "" : speed;
        lesson = lesson == null ? "" : lesson;
    }

    public LinkOptions withPlay(boolean play) {
        return new LinkOptions(play, hide, speed, sideBySide, lesson);
    }

    public LinkOptions withHide(List<String> hide) {
        return new LinkOptions(play, hide, speed, sideBySide, lesson);
    }

    public LinkOptions withSpeed(String speed) {
        return new LinkOptions(play, hide, speed, sideBySide, lesson);
    }

    public LinkOptions withSideBySide(boolean sideBySide) {
        return new LinkOptions(play, hide, speed, sideBySide, lesson);
    }

    public LinkOptions withLesson(String lesson) {
        return new LinkOptions(play, hide, speed, sideBySide, lesson);
    }
}
