package org.lrplayground.engine.surface;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lrplayground.engine.param.Method;
import org.lrplayground.engine.param.Param;

/**
 * The catalogue of surfaces, in the order the picker lists them. Surfaces with parameters (the
 * ravine's κ) declare them like optimizers do. The custom surface is not listed: it is built from
 * an expression by {@link #custom}.
 */
public final class Surfaces {

    private Surfaces() {
    }

    public static final List<Method<Surface>> ALL = List.of(
            fixed(new Rosenbrock()),
            fixed(new Beale()),
            fixed(new Himmelblau()),
            fixed(new Booth()),
            fixed(new Rastrigin()),
            fixed(new Ackley()),
            fixed(new GoldsteinPrice()),
            fixed(new SixHumpCamel()),
            fixed(new StyblinskiTang()),
            fixed(new Saddle()),
            fixed(new MonkeySaddle()),
            new Method<>("ravine", "Ravine", "½ (x² + κ y²)",
                    List.of(Ravine.KAPPA), v -> new Ravine(v.get(Ravine.KAPPA))),
            fixed(new TwoWells()),
            fixed(new LinReg()),
            fixed(new SparseFeatures()));

    public static Optional<Method<Surface>> byId(String id) {
        return ALL.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** The default box of a custom surface. */
    public static final Box CUSTOM_BOX = Box.square(5);

    /** Longest accepted expression of a custom surface, in characters. */
    public static final int MAX_EXPRESSION = Expression.MAX_LENGTH;

    /**
     * The surface of a user's expression in x and y over a box: numbers, x, y, pi, e, + - * / ^,
     * parentheses and the functions sin cos tan asin acos atan sinh cosh tanh exp log sqrt abs
     * min max pow, at most {@value #MAX_EXPRESSION} characters. Its exact gradient comes from
     * automatic differentiation and its minima from a numerical search over the box
     * ({@link CustomSurface} says how, and how the default start is chosen).
     *
     * @throws IllegalArgumentException with the position of a syntax error and what was expected there
     */
    public static Surface custom(String expression, Box box) {
        return new CustomSurface(expression, box);
    }

    /** How many times custom surfaces have scanned a box for f* in this JVM (each surface remembers its last box), for monitoring and tests. */
    public static long customBoxScans() {
        return CustomSurface.BOX_SCANS.sum();
    }

    /** The expression text of a custom surface. */
    public static String source(Surface custom) {
        if (custom instanceof CustomSurface c) {
            return c.source();
        }
        throw new IllegalArgumentException(custom.id() + " is not a custom surface");
    }

    /** A surface without parameters. */
    static Method<Surface> fixed(Surface surface) {
        return new Method<>(surface.id(), surface.name(), surface.formula(), List.<Param>of(), v -> surface);
    }

    /** The default instance of a catalogue surface. */
    public static Surface get(String id) {
        Method<Surface> m = byId(id).orElseThrow(() -> new IllegalArgumentException("unknown surface '" + id + "'"));
        return m.create(org.lrplayground.engine.param.Values.of(m.params(), Map.of(), Param.Context.NONE));
    }
}
