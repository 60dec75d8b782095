package org.lrplayground.engine.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.lrplayground.engine.optim.Optimizer;
import org.lrplayground.engine.optim.Optimizers;
import org.lrplayground.engine.param.Method;
import org.lrplayground.engine.param.Param;
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
 * The run format's contract: {@code parse(format(spec))} equals {@code spec} and {@code format} is
 * idempotent, for thousands of random specs drawn from the registries. The generator reads only
 * {@link Surfaces#ALL}, {@link Optimizers#ALL}, {@link Schedules#ALL} and their declared
 * {@link Param}s, so methods added later are covered without touching this test.
 */
class RunFormatRoundTripTest {

    private static final long SEED = 20_261_123L;
    private static final int SPECS = 2000;

    private final SplittableRandom random = new SplittableRandom(SEED);
    /** "method.param" for every parameter that was given a value, to check the generator's reach. */
    private final Set<String> covered = new HashSet<>();

    @Test
    void formattedSpecsParseBackToEqualSpecsAndFormattingIsIdempotent() {
        for (int i = 0; i < SPECS; i++) {
            RunSpec spec = randomSpec();
            String text = RunFormat.format(spec);
            RunSpec parsed;
            try {
                parsed = RunFormat.parse(text);
            } catch (FormatException e) {
                throw new AssertionError("spec #" + i + " does not parse back: " + e.parameter() + ": "
                        + e.getMessage() + "\n" + text, e);
            }
            assertThat(RunFormat.format(parsed)).as("spec #%d formats as it was parsed", i).isEqualTo(text);
            // Not isEqualTo: the records' toString runs to pages; the text above says which spec it was.
            assertThat(parsed.equals(spec)).as("spec #%d parses back to an equal spec: %s", i, text).isTrue();
        }
        assertThat(covered).as("every declared parameter was drawn").containsAll(declaredParameters());
    }

    @Test
    void customSurfacesRoundTripWithTheirExpressionAndBox() {
        assumeTrue(customSurfacesExist(), "custom surfaces are not implemented in this build");
        for (String f : List.of("x^2+3*y^2", "(1-x)^2 + 100*(y-x^2)^2", "sin(x)*cos(y)", "x*y&z", "0.5*x^2 - y/3")) {
            RunSpec spec;
            try {
                spec = RunFormat.parse("surface=custom&f=" + RunFormat.encode(f) + "&box=-3,3,-2,2.5&run=sgd");
            } catch (FormatException e) {
                continue; // an expression this build's parser refuses is no round-trip case
            }
            String text = RunFormat.format(spec);
            assertThat(RunFormat.format(RunFormat.parse(text))).isEqualTo(text);
            assertThat(RunFormat.parse(text).equals(spec)).as(text).isTrue();
        }
    }

    private static boolean customSurfacesExist() {
        try {
            Surfaces.custom("x^2+y^2", Surfaces.CUSTOM_BOX);
            return true;
        } catch (IllegalArgumentException notYet) {
            return false;
        }
    }

    @Test
    void parsingADefaultedQueryGivesTheSameSpecAsItsNormalisedForm() {
        for (Method<Optimizer> optimizer : Optimizers.ALL) {
            for (Method<Schedule> schedule : Schedules.ALL) {
                RunSpec spec = RunFormat.parse("run=" + optimizer.id() + ":sched=" + schedule.id());
                String normalised = RunFormat.format(spec);
                assertThat(RunFormat.parse(normalised)).as(normalised).isEqualTo(spec);
                for (Param p : optimizer.params()) {
                    assertThat(normalised).contains(p.name() + "=");
                }
            }
        }
    }

    private RunSpec randomSpec() {
        Method<Surface> surfaceMethod = pick(Surfaces.ALL);
        Values surfaceValues = Values.of(surfaceMethod.params(), given(surfaceMethod), Param.Context.NONE);
        Surface surface = surfaceMethod.create(surfaceValues);
        Box box = random.nextInt(3) == 0 ? surface.box() : retry(this::randomBox);
        Point start = random.nextInt(3) == 0 ? surface.start() : new Point(coordinate(), coordinate());
        int steps = (int) value(RunFormat.STEPS);
        int batch = 1 + random.nextInt(Math.max(1, surface.dataRows()));
        List<RunConfig> runs = new ArrayList<>();
        int count = 1 + random.nextInt(RunSpec.MAX_RUNS);
        for (int r = 0; r < count; r++) {
            runs.add(retry(() -> randomRun(steps)));
        }
        return new RunSpec(surface, surfaceValues, box, start, steps, value(RunFormat.NOISE), (long) value(RunFormat.SEED),
                batch, runs);
    }

    /** A run built the way the parser builds one: optimizer values first, then the schedule's relative to its lr. */
    private RunConfig randomRun(int steps) {
        Method<Optimizer> optimizer = pick(Optimizers.ALL);
        Method<Schedule> schedule = pick(Schedules.ALL);
        Values optimizerValues = Values.of(optimizer.params(), given(optimizer), new Param.Context(Double.NaN, steps));
        Param.Context context = new Param.Context(optimizerValues.get(optimizer.param("lr")), steps);
        Values scheduleValues = Values.of(schedule.params(), given(schedule), context);
        Point start = random.nextInt(4) == 0 ? new Point(coordinate(), coordinate()) : null;
        return new RunConfig(Choice.of(optimizer, optimizerValues), Choice.of(schedule, scheduleValues), start);
    }

    /** Values for a random subset of the method's parameters; the rest stay at their defaults. */
    private Map<String, Double> given(Method<?> method) {
        Map<String, Double> given = new LinkedHashMap<>();
        for (Param p : method.params()) {
            if (random.nextBoolean()) {
                given.put(p.name(), value(p));
                covered.add(method.id() + "." + p.name());
            }
        }
        return given;
    }

    /** A random accepted value: the bounds, round decimals, log-uniform (lr-like) or full-precision doubles. */
    private double value(Param p) {
        double lo = p.minOpen() ? Math.nextUp(p.min()) : p.min();
        double hi = p.max();
        for (int attempt = 0; attempt < 100; attempt++) {
            double v = switch (p.kind()) {
                case BOOLEAN -> random.nextInt(2);
                case INTEGER -> Math.floor(lo + random.nextDouble() * (hi - lo + 1));
                case REAL -> switch (random.nextInt(6)) {
                    case 0 -> lo;
                    case 1 -> hi;
                    case 2 -> lo + random.nextDouble() * (hi - lo);
                    case 3 -> roundDecimal(lo + random.nextDouble() * (hi - lo));
                    case 4 -> Math.exp(Math.log(Math.max(lo, 1e-300)) + random.nextDouble()
                            * (Math.log(hi) - Math.log(Math.max(lo, 1e-300))));
                    default -> p.defaultValue(new Param.Context(1, 1000)) * (1 + random.nextDouble() * 1e-3);
                };
            };
            try {
                return p.check(v);
            } catch (IllegalArgumentException outOfRange) {
                // draw again: the recipe can leave a half-open or narrow range
            }
        }
        return fail("no accepted value drawn for " + p);
    }

    /** Two coordinates in each direction, ordered; equal ones make the Box constructor refuse, and we draw again. */
    private Box randomBox() {
        double x1 = coordinate(), x2 = coordinate(), y1 = coordinate(), y2 = coordinate();
        return new Box(Math.min(x1, x2), Math.max(x1, x2), Math.min(y1, y2), Math.max(y1, y2));
    }

    /** Coordinates as users type them and as computations leave them, within the format's ±1e9. */
    private double coordinate() {
        double v = switch (random.nextInt(5)) {
            case 0 -> random.nextInt(-10, 11);
            case 1 -> roundDecimal((random.nextDouble() - 0.5) * 20);
            case 2 -> (random.nextDouble() - 0.5) * 2e9;
            case 3 -> (random.nextDouble() - 0.5) * Math.pow(10, -random.nextInt(300));
            default -> -0.0;
        };
        return Math.max(-1e9, Math.min(1e9, v));
    }

    private double roundDecimal(double v) {
        double scale = Math.pow(10, random.nextInt(7));
        return Math.rint(v * scale) / scale;
    }

    /** Draws until the combination is valid (e.g. cosine's eta_min must not exceed lr). */
    private <T> T retry(Supplier<T> draw) {
        IllegalArgumentException last = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            try {
                return draw.get();
            } catch (IllegalArgumentException e) {
                last = e;
            }
        }
        throw new AssertionError("no valid draw in 100 attempts", last);
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static Set<String> declaredParameters() {
        Set<String> all = new HashSet<>();
        for (List<? extends Method<?>> methods : List.of(Surfaces.ALL, Optimizers.ALL, Schedules.ALL)) {
            for (Method<?> m : methods) {
                m.params().forEach(p -> all.add(m.id() + "." + p.name()));
            }
        }
        return all;
    }
}
