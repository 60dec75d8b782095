package org.lrplayground.lessons;

import java.util.List;
import java.util.regex.Pattern;
import org.lrplayground.link.PageLink;
import org.lrplayground.link.PageOptions;
import org.lrplayground.engine.run.RunSpec;

/**
 * One lesson of the playground: a claim from the course's source documents, a short Markdown
 * explanation shown beside the playground, and the experiment that makes the claim visible.
 *
 * @param id          the slug used in links, e.g. {@code banana-valley}
 * @param number      the position in the course, from 1
 * @param title       a heading
 * @param claim       the one-line claim the preset shows (and a test asserts)
 * @param explanation Markdown in plain words, quoting the source document the claim comes from
 * @param preset      the experiment as a run-format query string (see {@link RunFormat}), with the link
 *                    options it is best watched with, e.g. {@code speed=1000} for thousands of steps
 * @param variants    the further experiments the explanation points to, each one click away
 */
public record Lesson(String id, int number, String title, String claim, String explanation, String preset,
                     List<Variant> variants) {

    /**
     * Another experiment of a lesson: the preset with something changed that the explanation talks
     * about, e.g. the same runs on another surface.
     *
     * @param label  the button's text, e.g. "On the saddle"
     * @param preset a run-format query string, like the lesson's
     */
    public record Variant(String label, String preset) {

        public Variant {
            if (label == null || label.isBlank()) {
                throw new IllegalArgumentException("a lesson's variant needs a label");
            }
            PageLink.spec(preset); // a broken preset fails here, naming the offending parameter
        }

        public RunSpec spec() {
            return PageLink.spec(preset);
        }
    }

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public Lesson {
        if (id == null || !SLUG.matcher(id).matches()) {
            throw new IllegalArgumentException("lesson id '" + id + "' is not accepted: lower-case words joined by '-'");
        }
        if (number < 1) {
            throw new IllegalArgumentException("lesson " + id + ": number must be 1 or more (got " + number + ")");
        }
        for (String[] text : new String[][] {{"title", title}, {"claim", claim}, {"explanation", explanation},
                {"preset", preset}}) {
            if (text[1] == null || text[1].isBlank()) {
                throw new IllegalArgumentException("lesson " + id + ": the " + text[0] + " must not be empty");
            }
        }
        PageLink.spec(preset); // a broken preset fails here, naming the offending parameter
        variants = List.copyOf(variants);
    }

    /** A lesson whose explanation needs no experiment beyond its preset. */
    public Lesson(String id, int number, String title, String claim, String explanation, String preset) {
        this(id, number, title, claim, explanation, preset, List.of());
    }

    /** The preset parsed: the experiment to load into the playground. */
    public RunSpec spec() {
        return PageLink.spec(preset);
    }

    /** The lesson's link query: its preset, normalised, with its link options and its id. */
    public String link() {
        return PageLink.format(spec(), options());
    }

    /** The preset's link options, with this lesson to show. */
    public PageOptions options() {
        return PageLink.open(preset).options().withLesson(id);
    }
}
