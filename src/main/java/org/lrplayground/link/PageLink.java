package org.lrplayground.link;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.lrplayground.engine.format.FormatException;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.param.Param;
import org.lrplayground.engine.param.ValueException;
import org.lrplayground.engine.run.RunSpec;

/**
 * A playground link: {@code v=1}, the scene in the run format, then the page's {@link PageOptions}
 * ({@code play}, {@code hide}, {@code speed}, {@code side}, {@code lesson}, {@code view}). The engine's format
 * knows nothing of pages: the options are taken out here and the rest goes to {@link RunFormat}.
 * Links are opened leniently ({@link #open}), so that an old or damaged link still opens; the API
 * and class scenes read them strictly ({@link #spec}).
 */
public final class PageLink {

    /** The link format's version; {@link #format} writes the current one. */
    public static final Param VERSION = Param.integer("v", PageOptions.VERSION, 1, Integer.MAX_VALUE, "link format version");
    /** {@code play=1} starts the runs as the link opens. */
    public static final Param PLAY = Param.integer("play", 0, 0, 1, "1 starts the runs as the link opens");
    /** {@code hide=<control>,<control>} hides controls; the UI names and interprets them. */
    public static final String HIDE = "hide";
    /** {@code speed=<name>} sets the replay speed; the UI names and interprets speeds. */
    public static final String SPEED = "speed";
    /** {@code side=1} draws each run in its own plot. */
    public static final Param SIDE = Param.integer("side", 0, 0, 1, "1 draws each run in its own plot");
    /** {@code lesson=<id>} shows that lesson beside the playground; the UI knows the lessons. */
    public static final String LESSON = "lesson";
    /** {@code view=<name>} shows the surface as a contour plot or in 3-D; the UI names and interprets views. */
    public static final String VIEW = "view";

    private static final Set<String> KEYS = Set.of(VERSION.name(), PLAY.name(), HIDE, SPEED, SIDE.name(), LESSON, VIEW);
    private static final Pattern CONTROL = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,39}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");

    private PageLink() {
    }

    /**
     * What a link opens: the spec from every valid part, the page's options, and one plain-language
     * note per ignored part, e.g. {@code ignored run 3: unknown optimizer 'lion'}.
     */
    public record Opened(RunSpec spec, PageOptions options, List<String> notes) {
        public Opened {
            notes = List.copyOf(notes);
        }
    }

    /** Opens a raw query string whatever it holds; never throws. */
    public static Opened open(String query) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>();
        for (String pair : (query == null ? "" : query).split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (KEYS.contains(key)) {
                options.computeIfAbsent(key, k -> new ArrayList<>()).add(eq < 0 ? "" : readable(pair.substring(eq + 1)));
            } else if (!pair.isEmpty()) {
                rest.add(pair);
            }
        }
        RunFormat.Lenient scene = RunFormat.parseLenient(String.join("&", rest));
        return opened(scene, options);
    }

    /** Whether a link sets only page options (speed, view, …): then it is about a default scene, not an empty one. */
    public static boolean onlyOptions(Map<String, List<String>> params) {
        return KEYS.containsAll(params.keySet());
    }

    /** {@link #open(String)} for decoded query parameters. */
    public static Opened open(Map<String, List<String>> params) {
        Map<String, List<String>> options = new LinkedHashMap<>(params);
        options.keySet().retainAll(KEYS);
        Map<String, List<String>> rest = new LinkedHashMap<>(params);
        rest.keySet().removeAll(KEYS);
        return opened(RunFormat.parseLenient(rest), options);
    }

    private static Opened opened(RunFormat.Lenient scene, Map<String, List<String>> options) {
        List<String> notes = new ArrayList<>(scene.notes());
        return new Opened(scene.spec(), options(options, notes), notes);
    }

    /**
     * The scene of a link read strictly: its page options are checked and set aside.
     *
     * @throws FormatException naming the first bad parameter and what is accepted
     */
    public static RunSpec spec(Map<String, List<String>> params) {
        Map<String, List<String>> options = new LinkedHashMap<>(params);
        options.keySet().retainAll(KEYS);
        options(options, null);
        Map<String, List<String>> rest = new LinkedHashMap<>(params);
        rest.keySet().removeAll(KEYS);
        return RunFormat.parse(rest);
    }

    /** {@link #spec(Map)} for a raw query string. */
    public static RunSpec spec(String query) {
        return spec(RunFormat.decode(query));
    }

    /** A link's query: {@code v=1}, the normalised spec, then the options; {@link #open} reads it back to equals. */
    public static String format(RunSpec spec, PageOptions options) {
        StringBuilder out = new StringBuilder(VERSION.name() + "=" + PageOptions.VERSION + "&" + RunFormat.format(spec));
        if (options.play()) {
            out.append('&').append(PLAY.name()).append("=1");
        }
        if (!options.hide().isEmpty()) {
            out.append('&').append(HIDE).append('=').append(String.join(",", options.hide()));
        }
        if (!options.speed().isEmpty()) {
            out.append('&').append(SPEED).append('=').append(options.speed());
        }
        if (options.sideBySide()) {
            out.append('&').append(SIDE.name()).append("=1");
        }
        if (!options.lesson().isEmpty()) {
            out.append('&').append(LESSON).append('=').append(options.lesson());
        }
        if (!options.view().isEmpty()) {
            out.append('&').append(VIEW).append('=').append(options.view());
        }
        return out.toString();
    }

    /** The options; a bad one is thrown when {@code notes} is null (strict), else noted and left at its default. */
    private static PageOptions options(Map<String, List<String>> params, List<String> notes) {
        number(params, VERSION, notes); // checked only: every version so far reads the same
        boolean play = number(params, PLAY, notes) == 1;
        List<String> hide = new ArrayList<>();
        for (String name : single(params, HIDE, "", notes).split(",")) {
            if (!name.isEmpty() && !CONTROL.matcher(name).matches()) {
                reject(notes, new FormatException(HIDE, "'" + name + "' is not a control name",
                        List.of("a letter, then letters, digits, _ or -")));
            } else if (!name.isEmpty() && !hide.contains(name)) {
                hide.add(name);
            }
        }
        return new PageOptions(play, hide, name(params, SPEED, notes), number(params, SIDE, notes) == 1,
                name(params, LESSON, notes), name(params, VIEW, notes));
    }

    private static double number(Map<String, List<String>> params, Param p, List<String> notes) {
        double fallback = p.defaultValue(Param.Context.NONE);
        String text = single(params, p.name(), null, notes);
        try {
            return text == null ? fallback : p.parse(text);
        } catch (ValueException e) {
            reject(notes, new FormatException(p.name(), e.problem(), e.accepted()));
            return fallback;
        }
    }

    /** A key naming something the UI interprets; empty when absent or not a name. */
    private static String name(Map<String, List<String>> params, String key, List<String> notes) {
        String text = single(params, key, "", notes);
        if (!text.isEmpty() && !NAME.matcher(text).matches()) {
            reject(notes, new FormatException(key, "'" + text + "' is not a name", List.of("letters, digits, _ or -")));
            return "";
        }
        return text;
    }

    private static String single(Map<String, List<String>> params, String key, String fallback, List<String> notes) {
        List<String> values = params.getOrDefault(key, List.of());
        if (values.size() > 1) {
            reject(notes, new FormatException(key, key + " is given " + values.size() + " times", List.of("once")));
            return fallback;
        }
        return values.isEmpty() ? fallback : values.get(0);
    }

    private static void reject(List<String> notes, FormatException problem) {
        if (notes == null) {
            throw problem;
        }
        notes.add("ignored " + problem.key() + ": " + problem.getMessage());
    }

    /** A value as written, percent-decoded where it can be: a broken escape then fails the name check. */
    private static String readable(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }
}
