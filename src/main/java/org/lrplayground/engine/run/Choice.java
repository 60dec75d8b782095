package org.lrplayground.engine.run;

import org.lrplayground.engine.param.Method;
import org.lrplayground.engine.param.Values;

/**
 * A method with its complete values and the validated instance they build. Building happens here,
 * once, so an invalid combination fails when the choice is made, not in the middle of a run.
 */
public record Choice<T>(Method<T> method, Values values, T instance) {

    public static <T> Choice<T> of(Method<T> method, Values values) {
        return new Choice<>(method, values, method.create(values));
    }
}
