package org.lrplayground.engine.param;

import java.util.List;
import java.util.function.Function;

/**
 * A named method (an optimizer, a schedule or a surface) with its parameters and a factory that
 * builds the validated instance from a complete set of {@link Values}.
 *
 * @param id      the lower-case name used in links, e.g. {@code adam}
 * @param name    the display name, e.g. "Adam"
 * @param summary one sentence for pickers and tooltips
 * @param params  every parameter, in the order the UI and the run format list them
 * @param factory builds the instance; validation happens there (records' compact constructors)
 */
public record Method<T>(String id, String name, String summary, List<Param> params, Function<Values, T> factory) {

    public Method {
        params = List.copyOf(params);
    }

    public T create(Values values) {
        return factory.apply(values);
    }

    public Param param(String key) {
        return params.stream().filter(p -> p.name().equals(key)).findFirst().orElse(null);
    }

    public Values defaults(Param.Context context) {
        return Values.of(params, java.util.Map.of(), context);
    }
}
