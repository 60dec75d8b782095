package org.lrplayground.engine.surface;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lrplayground.engine.param.Method;
import org.lrplayground.engine.param.Param;

/**
 * The catalogue of surfaces, in the order the picker lists them. Surfaces with parameters (the
 * ravine's κ) declare them like optimizers do. The custom surface is built from an expression by
 * {@code Expression}, not from here.
 */
public final class Surfaces {

    private Surfaces() {
    }

    public static final List<Method<Surface>> ALL = List.of(fixed(new Rosenbrock()));

    public static Optional<Method<Surface>> byId(String id) {
        return ALL.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** The default box of a custom surface. */
    public static final Box CUSTOM_BOX = Box.square(5);

    /**
     * The surface of a user's expression in x and y over a box.
     *
     * @throws IllegalArgumentException with the position of a syntax error
     */
    public static Surface custom(String expression, Box box) {
        throw new IllegalArgumentException("custom surfaces are not implemented yet");
    }

    /** The expression text of a custom surface. */
    public static String source(Surface custom) {
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
