package org.lrplayground.engine.format;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.lrplayground.engine.optim.Optimizer;
import org.lrplayground.engine.optim.Optimizers;
import org.lrplayground.engine.param.Method;
import org.lrplayground.engine.param.Numbers;
import org.lrplayground.engine.param.Param;
import org.lrplayground.engine.param.ValueException;
import org.lrplayground.engine.param.Values;
import org.lrplayground.engine.run.Choice;
import org.lrplayground.engine.run.RunConfig;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.engine.schedule.Schedule;
import org.lrplayground.engine.schedule.Schedules;
import org.lrplayground.engine.surface.Box;
import org.lrplayground.engine.surface.Point;
import org.lrplayground.engine.surface.Surface;
import org.lrplayground.engine.surface.Surfaces;

/**
 * The run format, a public contract shared by the API, the address bar and share links:
 *
 * <pre>
 * [v=1&amp;]surface=&lt;id&gt;&amp;start=&lt;x&gt;,&lt;y&gt;&amp;steps=&lt;n&gt;[&amp;noise=σ][&amp;seed=n][&amp;batch=n][&amp;box=xmin,xmax,ymin,ymax]
 *   [&amp;f=&lt;expression&gt;][&amp;&lt;surface key&gt;=v]&amp;run=&lt;optimizer&gt;:&lt;key&gt;=&lt;value&gt;,…[,sched=&lt;name&gt;,&lt;key&gt;=&lt;value&gt;,…]
 *   [,x0=&lt;x&gt;,y0=&lt;y&gt;]
 *   [&amp;play=1][&amp;hide=&lt;control&gt;,…][&amp;speed=&lt;name&gt;][&amp;side=1][&amp;lesson=&lt;id&gt;]
 * </pre>
 *
 * Missing keys take their defaults; {@link #format} writes every value, so its output is the
 * normalised spec and parses back to an equal spec. Lenient parsing ({@link #parseLenient}) opens
 * an old or damaged link anyway; the API reads strictly ({@link #parse}). What a page does with a
 * scene (play it, hide controls, …) is not part of the format: links add it outside the engine.
 */
public final class RunFormat {

    private RunFormat() {
    }

    public static final Param STEPS = Param.integer("steps", 500, 1, RunSpec.MAX_STEPS, "number of updates");
    public static final Param NOISE = Param.real("noise", 0, 0, 1e6, "σ of Gaussian noise added to every gradient coordinate");
    public static final Param SEED = Param.integer("seed", 0, 0, Integer.MAX_VALUE, "seeds the noise and the mini-batch order");
    public static final Param BATCH = Param.integer("batch", 1, 1, 1000, "rows per mini-batch (data-fitting surfaces)");

    /** Surface id of the user-expression surface, whose formula comes from {@code f=}. */
    public static final String CUSTOM = "custom";

    /** Run keys of a run's own start point; without them a run starts at {@code start=}. */
    public static final String X0 = "x0", Y0 = "y0";

    private static final Set<String> TOP_LEVEL = Set.of("surface", "f", "start", "steps", "noise", "seed", "batch",
            "box", "run");

    /**
     * What a lenient parse gives: the spec from every valid part, and one plain-language note per
     * ignored part, e.g. {@code ignored run 3: unknown optimizer 'lion'}.
     */
    public record Lenient(RunSpec spec, List<String> notes) {
        public Lenient {
            notes = List.copyOf(notes);
        }
    }

    /** Parses a raw query string such as {@code surface=booth&run=sgd}. */
    public static RunSpec parse(String query) {
        Parser parser = new Parser(null);
        return parser.read(parser.decode(query)).spec();
    }

    /**
     * Decodes a raw query string into its parameters, in order, for callers that take some keys
     * out before {@link #parse(Map)}.
     *
     * @throws FormatException for a key or value that is not correctly percent-encoded
     */
    public static Map<String, List<String>> decode(String query) {
        return new Parser(null).decode(query);
    }

    /**
     * Parses decoded query parameters.
     *
     * @throws FormatException naming the first bad parameter and what is accepted
     */
    public static RunSpec parse(Map<String, List<String>> params) {
        return new Parser(null).read(params).spec();
    }

    /** Parses one {@code run=} value, e.g. {@code adam:lr=0.05,sched=cosine,T_max=500}, as run {@code index} (from 0). */
    public static RunConfig parseRun(int index, String text, int steps) {
        return new Parser(null).run(index, text, steps);
    }

    /**
     * Opens a link whatever it holds, so that links last: an unknown key, a bad value (its default is used),
     * an unknown optimizer, schedule or run key from another version (that run or key is dropped) are each
     * left out with a note. Without a valid run the spec gets a default one. Never throws.
     */
    public static Lenient parseLenient(String query) {
        Parser parser = new Parser(new ArrayList<>());
        return parser.lenient(() -> parser.decode(query == null ? "" : query));
    }

    /** {@link #parseLenient(String)} for decoded query parameters. */
    public static Lenient parseLenient(Map<String, List<String>> params) {
        Parser parser = new Parser(new ArrayList<>());
        return parser.lenient(() -> params);
    }

    /**
     * One parse, strict or lenient: a bad part goes to {@link #recover}, which throws it when strict
     * ({@code notes} is null) and otherwise notes it and goes on with the fallback.
     */
    private static final class Parser {

        private final List<String> notes;

        Parser(List<String> notes) {
            this.notes = notes;
        }

        /**
         * A bad part: strict parsing throws it, lenient parsing notes "ignored {label}: {what was wrong}",
         * leaving out a list of names to choose from (too long for a note; the form's pickers show them).
         */
        private void reject(String label, FormatException problem) {
            if (notes == null) {
                throw problem;
            }
            notes.add("ignored " + label + ": " + (problem.acceptsNames() ? problem.problem() : problem.getMessage()));
        }

        /** Runs a step of parsing; when it fails, rejects it and goes on with {@code fallback}. */
        private <T> T recover(String label, Supplier<T> step, T fallback) {
            try {
                return step.get();
            } catch (FormatException e) {
                reject(label, e);
                return fallback;
            }
        }

        private void check(String label, Runnable step) {
            recover(label, () -> {
                step.run();
                return null;
            }, null);
        }

        Lenient lenient(Supplier<Map<String, List<String>>> params) {
            try {
                return read(params.get());
            } catch (RuntimeException e) {
                // Every known failure is recovered part by part; this keeps the promise for anything else.
                notes.add("ignored the link: " + e.getMessage());
                return new Lenient(new Parser(null).spec(Map.of("run", List.of(Optimizers.ALL.get(0).id()))), notes);
            }
        }

        Lenient read(Map<String, List<String>> params) {
            return new Lenient(spec(params), notes == null ? List.of() : notes);
        }

        Map<String, List<String>> decode(String query) {
            Map<String, List<String>> params = new LinkedHashMap<>();
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String rawKey = eq < 0 ? pair : pair.substring(0, eq);
                check(rawKey, () -> {
                    String key = RunFormat.decode(rawKey, rawKey);
                    String value = eq < 0 ? "" : RunFormat.decode(pair.substring(eq + 1), key);
                    params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
                });
            }
            return params;
        }

        RunSpec spec(Map<String, List<String>> params) {
            Method<Surface> rosenbrock = Surfaces.byId("rosenbrock").orElseThrow();
            String surfaceId = recover("surface", () -> single(params, "surface", rosenbrock.id()), rosenbrock.id());
            if (!surfaceId.equals(CUSTOM) && Surfaces.byId(surfaceId).isEmpty()) {
                List<String> ids = new ArrayList<>(ids(Surfaces.ALL));
                ids.add(CUSTOM);
                reject("surface", new FormatException("surface", "unknown surface '" + surfaceId + "'", ids));
                surfaceId = rosenbrock.id();
            }
            Surface surface = null;
            Values surfaceValues = Values.of(List.of(), Map.of(), Param.Context.NONE);
            Box box = null;
            if (surfaceId.equals(CUSTOM)) {
                Box customBox = recover("box", () -> box(params, Surfaces.CUSTOM_BOX), Surfaces.CUSTOM_BOX);
                surface = recover("f", () -> custom(params, customBox), null);
                box = customBox;
            } else if (params.containsKey("f")) {
                reject("f", new FormatException("f", "f= applies only to surface=" + CUSTOM, List.of()));
            }
            if (surface == null) {
                Method<Surface> method = Surfaces.byId(surfaceId).orElse(rosenbrock);
                Map<String, Double> given = new LinkedHashMap<>();
                for (Param p : method.params()) {
                    check(p.name(), () -> {
                        String text = single(params, p.name(), null);
                        if (text != null) {
                            given.put(p.name(), attempt(p.name(), () -> p.parse(text)));
                        }
                    });
                }
                surfaceValues = Values.of(method.params(), given, Param.Context.NONE);
                Values values = surfaceValues;
                surface = attempt("surface", () -> method.create(values));
                Box fallback = surface.box();
                box = recover("box", () -> box(params, fallback), fallback);
            }
            Set<String> accepted = new LinkedHashSet<>(TOP_LEVEL);
            surfaceValues.byName().keySet().forEach(accepted::add);
            Surfaces.byId(surfaceId).ifPresent(m -> m.params().forEach(p -> accepted.add(p.name())));
            for (String key : params.keySet()) {
                if (!accepted.contains(key)) {
                    reject(key, new FormatException(key, "unknown parameter '" + key + "'", List.copyOf(accepted)));
                }
            }
            Point fallbackStart = surface.start();
            Point start = inBox(recover("start", () -> point(params, fallbackStart), fallbackStart), box);
            int steps = (int) number(params, STEPS);
            double noise = number(params, NOISE);
            long seed = (long) number(params, SEED);
            int batch = (int) number(params, BATCH);
            List<String> runTexts = params.getOrDefault("run", List.of());
            if (runTexts.isEmpty() && notes == null) {
                throw new FormatException("run", "at least one run=<optimizer>:<key>=<value>,… is needed", ids(Optimizers.ALL));
            }
            List<String> kept = runTexts;
            if (runTexts.size() > RunSpec.MAX_RUNS) {
                reject("the runs after run " + RunSpec.MAX_RUNS, new FormatException("run", runTexts.size()
                        + " runs given", List.of("at most " + RunSpec.MAX_RUNS)));
                kept = runTexts.subList(0, RunSpec.MAX_RUNS);
            }
            List<RunConfig> runs = new ArrayList<>();
            for (int i = 0; i < kept.size(); i++) {
                int index = i;
                String text = kept.get(i);
                RunConfig run = recover("run " + (i + 1), () -> run(index, text, steps), null);
                if (run != null) {
                    runs.add(run);
                }
            }
            if (runs.isEmpty()) {
                runs.add(run(0, Optimizers.ALL.get(0).id(), steps));
            }
            Surface s = surface;
            Values sv = surfaceValues;
            Box b = box;
            String batchWhere = params.containsKey("batch") ? "batch" : "surface";
            RunSpec spec = recover(batchWhere, () -> attempt(batchWhere,
                    () -> new RunSpec(s, sv, b, start, steps, noise, seed, batch, runs)), null);
            return spec != null ? spec
                    : new RunSpec(s, sv, b, start, steps, noise, seed, (int) BATCH.defaultValue(Param.Context.NONE), runs);
        }

        /**
         * The start, moved to the nearest point of the box when lenient, with a note: a page can neither
         * show nor move a start off its plot. Strict parsing (the API) keeps it: a caller may want a run
         * from outside.
         */
        private Point inBox(Point start, Box box) {
            if (notes == null || box.contains(start.x(), start.y())) {
                return start;
            }
            Point inside = new Point(Math.clamp(start.x(), box.xMin(), box.xMax()), Math.clamp(start.y(), box.yMin(), box.yMax()));
            notes.add("ignored start: " + pair(start) + " is outside the box x ∈ [" + Numbers.format(box.xMin()) + ", "
                    + Numbers.format(box.xMax()) + "], y ∈ [" + Numbers.format(box.yMin()) + ", "
                    + Numbers.format(box.yMax()) + "]; the runs start at its nearest point, " + pair(inside));
            return inside;
        }

        private Surface custom(Map<String, List<String>> params, Box box) {
            String expression = single(params, "f", null);
            if (expression == null || expression.isBlank()) {
                throw new FormatException("f", "the custom surface needs an expression in x and y", List.of("e.g. f=x^2+3*y^2"));
            }
            if (expression.length() > Surfaces.MAX_EXPRESSION) {
                throw new FormatException("f", "the expression is " + expression.length() + " characters long",
                        List.of("at most " + Surfaces.MAX_EXPRESSION));
            }
            return attempt("f", () -> Surfaces.custom(expression, box));
        }

        private double number(Map<String, List<String>> params, Param p) {
            double fallback = p.defaultValue(Param.Context.NONE);
            return recover(p.name(), () -> {
                String text = single(params, p.name(), null);
                return text == null ? fallback : attempt(p.name(), () -> p.parse(text));
            }, fallback);
        }

        RunConfig run(int index, String text, int steps) {
            int colon = text.indexOf(':');
            String optimizerId = colon < 0 ? text : text.substring(0, colon);
            Method<Optimizer> optimizer = Optimizers.byId(optimizerId).orElseThrow(() -> new FormatException(index, null,
                    "unknown optimizer '" + optimizerId + "'", ids(Optimizers.ALL)));
            String run = "run " + (index + 1); // users count runs from 1
            Map<String, String> pairs = new LinkedHashMap<>();
            if (colon >= 0 && colon < text.length() - 1) {
                for (String pair : text.substring(colon + 1).split(",")) {
                    int eq = pair.indexOf('=');
                    String key = eq <= 0 ? pair : pair.substring(0, eq);
                    String label = "'" + key + "' in " + run;
                    if (eq <= 0) {
                        reject(label, new FormatException(index, null, "'" + pair + "' is not of the form key=value", List.of()));
                    } else if (pairs.putIfAbsent(key, pair.substring(eq + 1)) != null) {
                        reject(label, new FormatException(index, key, key + " is given twice", List.of()));
                    }
                }
            }
            String scheduleId = pairs.getOrDefault("sched", "constant");
            pairs.remove("sched");
            String x0 = pairs.remove(X0), y0 = pairs.remove(Y0);
            Point start = recover(X0 + ", " + Y0 + " in " + run, () -> runStart(index, x0, y0), null);
            Method<Schedule> schedule = Schedules.byId(scheduleId).orElseThrow(() -> new FormatException(index, "sched",
                    "unknown schedule '" + scheduleId + "'", ids(Schedules.ALL)));
            Map<String, Double> optimizerGiven = new LinkedHashMap<>();
            Map<String, Double> scheduleGiven = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : pairs.entrySet()) {
                String key = e.getKey();
                check(key + " in " + run, () -> {
                    Param p = optimizer.param(key);
                    Map<String, Double> target = optimizerGiven;
                    if (p == null) {
                        p = schedule.param(key);
                        target = scheduleGiven;
                    }
                    if (p == null) {
                        List<String> keys = new ArrayList<>(names(optimizer.params()));
                        keys.addAll(names(schedule.params()));
                        keys.addAll(List.of(X0, Y0, "sched=<schedule>"));
                        throw new FormatException(index, key, "unknown key '" + key + "' for " + optimizerId
                                + " with schedule " + scheduleId, keys);
                    }
                    Param param = p;
                    target.put(key, attempt(index, key, () -> param.parse(e.getValue())));
                });
            }
            Values optimizerValues = attempt(index, null, () -> Values.of(optimizer.params(), optimizerGiven,
                    new Param.Context(Double.NaN, steps)));
            Param.Context context = new Param.Context(optimizerValues.get(optimizer.param("lr")), steps);
            Values scheduleValues = attempt(index, null, () -> Values.of(schedule.params(), scheduleGiven, context));
            return attempt(index, null, () -> new RunConfig(Choice.of(optimizer, optimizerValues),
                    Choice.of(schedule, scheduleValues), start));
        }

        /** A run's own start from its x0 and y0, which come together; null when neither is given. */
        private static Point runStart(int index, String x0, String y0) {
            if (x0 == null && y0 == null) {
                return null;
            }
            if (x0 == null || y0 == null) {
                throw new FormatException(index, x0 == null ? X0 : Y0, "a run's own start needs both " + X0 + " and " + Y0,
                        List.of("both or neither, e.g. x0=-1,y0=1"));
            }
            return new Point(coordinate(index, X0, x0), coordinate(index, Y0, y0));
        }

        private static double coordinate(int index, String key, String text) {
            try {
                return numbers(key, text, 1, key + "=<number>, e.g. x0=-1,y0=1")[0];
            } catch (FormatException e) {
                throw e.at(index, key);
            }
        }
    }

    /** The normalised query string: every key, every default filled in; parses back to an equal spec. */
    public static String format(RunSpec spec) {
        List<String> parts = new ArrayList<>();
        parts.add("surface=" + spec.surface().id());
        if (spec.surface().id().equals(CUSTOM)) {
            parts.add("f=" + encode(Surfaces.source(spec.surface())));
        }
        spec.surfaceValues().byName().forEach((k, v) -> parts.add(k + "=" + Numbers.format(v)));
        parts.add("start=" + Numbers.format(spec.start().x()) + "," + Numbers.format(spec.start().y()));
        parts.add("steps=" + spec.steps());
        Box b = spec.box();
        parts.add("box=" + String.join(",", Numbers.format(b.xMin()), Numbers.format(b.xMax()),
                Numbers.format(b.yMin()), Numbers.format(b.yMax())));
        parts.add("noise=" + Numbers.format(spec.noise()));
        parts.add("seed=" + spec.seed());
        parts.add("batch=" + spec.batch());
        for (RunConfig run : spec.runs()) {
            parts.add("run=" + formatRun(run));
        }
        return String.join("&", parts);
    }

    /** One run's value in the run format, with every key. */
    public static String formatRun(RunConfig run) {
        List<String> keys = new ArrayList<>();
        pairs(run.optimizer().method().params(), run.optimizer().values(), keys);
        keys.add("sched=" + run.schedule().method().id());
        pairs(run.schedule().method().params(), run.schedule().values(), keys);
        if (run.start() != null) {
            keys.add(X0 + "=" + Numbers.format(run.start().x()));
            keys.add(Y0 + "=" + Numbers.format(run.start().y()));
        }
        return run.optimizer().method().id() + ":" + String.join(",", keys);
    }

    private static void pairs(List<Param> params, Values values, List<String> out) {
        for (Param p : params) {
            out.add(p.name() + "=" + p.format(values.get(p)));
        }
    }

    private static String single(Map<String, List<String>> params, String key, String fallback) {
        List<String> values = params.get(key);
        if (values == null || values.isEmpty()) {
            return fallback;
        }
        if (values.size() > 1) {
            throw new FormatException(key, key + " is given " + values.size() + " times", List.of("once"));
        }
        return values.get(0);
    }

    private static String pair(Point p) {
        return "(" + Numbers.format(p.x()) + ", " + Numbers.format(p.y()) + ")";
    }

    private static Point point(Map<String, List<String>> params, Point fallback) {
        String text = single(params, "start", null);
        if (text == null) {
            return fallback;
        }
        double[] v = numbers("start", text, 2, "start=<x>,<y>, e.g. start=-1.5,2");
        return new Point(v[0], v[1]);
    }

    private static Box box(Map<String, List<String>> params, Box fallback) {
        String text = single(params, "box", null);
        if (text == null) {
            return fallback;
        }
        double[] v = numbers("box", text, 4, "box=<xmin>,<xmax>,<ymin>,<ymax>, e.g. box=-2,2,-1,3");
        return attempt(FormatException.TOP_LEVEL, "box", () -> new Box(v[0], v[1], v[2], v[3]));
    }

    private static double[] numbers(String key, String text, int count, String accepted) {
        String[] parts = text.split(",", -1);
        if (parts.length != count) {
            throw new FormatException(key, key + " needs " + count + " numbers, not '" + text + "'", List.of(accepted));
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            try {
                out[i] = Numbers.parse(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new FormatException(key, "'" + parts[i] + "' in " + key + " is not a number", List.of(accepted));
            }
            if (Math.abs(out[i]) > 1e9) {
                throw new FormatException(key, key + " coordinates must lie within ±1e9, not " + parts[i], List.of());
            }
        }
        return out;
    }

    /** Runs a step of parsing at a top-level key, attributing any validation failure to it. */
    private static <T> T attempt(String key, Supplier<T> step) {
        return attempt(FormatException.TOP_LEVEL, key, step);
    }

    /**
     * Runs a step of parsing, attributing any validation failure to run {@code run} (or the top level)
     * and {@code key}. A value check says what is wrong and what is accepted; other constructors
     * (a box, a run spec) say only what is wrong.
     */
    private static <T> T attempt(int run, String key, Supplier<T> step) {
        try {
            return step.get();
        } catch (ValueException e) {
            throw FormatException.of(e, run, key);
        } catch (IllegalArgumentException e) {
            throw new FormatException(run, key, e.getMessage(), List.of());
        }
    }

    private static List<String> ids(List<? extends Method<?>> methods) {
        return methods.stream().map(Method::id).toList();
    }

    private static List<String> names(List<Param> params) {
        return params.stream().map(Param::name).toList();
    }

    /** Decodes a key or value; a broken escape is reported at {@code where}, the key when it is readable. */
    private static String decode(String text, String where) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new FormatException(where, "'" + text + "' is not correctly percent-encoded",
                    List.of("% followed by two hexadecimal digits, e.g. %2B for +; % itself is %25"));
        }
    }

    /** Percent-encodes all but the characters that read well and are safe in a query value. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char ch = (char) (b & 0xff);
            if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || "-._~*(),/:".indexOf(ch) >= 0) {
                out.append(ch);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
