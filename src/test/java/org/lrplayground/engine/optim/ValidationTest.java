package org.lrplayground.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lrplayground.engine.param.Method;
import org.lrplayground.engine.param.Param;
import org.lrplayground.engine.param.Values;

/**
 * Every optimizer record validates every parameter itself: the values below bypass {@link Values#of}'s
 * checks and reach the records' constructors directly.
 */
class ValidationTest {

    /** The method's defaults with one value replaced, unchecked. */
    static Optimizer createUnchecked(Method<Optimizer> method, String key, double value) {
        Map<String, Double> values = new LinkedHashMap<>(method.defaults(Param.Context.NONE).byName());
        values.put(key, value);
        return method.create(new Values(values, Param.Context.NONE));
    }

    static Stream<Arguments> badValues() {
        List<Arguments> cases = new ArrayList<>();
        for (Method<Optimizer> method : Optimizers.ALL) {
            for (Param p : method.params()) {
                if (p.kind() == Param.Kind.BOOLEAN) {
                    continue;
                }
                double belowMin = p.minOpen() ? p.min() : p.min() - 1;
                for (double bad : new double[] {belowMin, p.max() + 1, Double.NaN, Double.POSITIVE_INFINITY}) {
                    cases.add(Arguments.of(method.id(), p.name(), bad));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1} = {2}")
    @MethodSource("badValues")
    void everyOutOfRangeValueIsRejectedByName(String id, String key, double bad) {
        Method<Optimizer> method = Optimizers.byId(id).orElseThrow();
        assertThatThrownBy(() -> createUnchecked(method, key, bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(key + " ")
                .hasMessageContaining("accepted");
    }

    @Test
    void theBoundsThemselvesAreAccepted() {
        for (Method<Optimizer> method : Optimizers.ALL) {
            for (Param p : method.params()) {
                if (p.kind() == Param.Kind.BOOLEAN || (method.id().equals("nesterov") && p.name().equals("dampening"))) {
                    continue;
                }
                assertThatCode(() -> createUnchecked(method, p.name(), p.max())).as(method.id() + " " + p.name())
                        .doesNotThrowAnyException();
                if (!p.minOpen() && !(method.id().equals("nesterov") && p.name().equals("momentum"))) {
                    assertThatCode(() -> createUnchecked(method, p.name(), p.min())).as(method.id() + " " + p.name())
                            .doesNotThrowAnyException();
                }
            }
        }
    }

    @Test
    void typicalMistakesNameTheParameter() {
        assertThatThrownBy(() -> new Sgd(-0.1)).hasMessageContaining("lr");
        assertThatThrownBy(() -> new Adam(1e-3, 1, 0.999, 1e-8, 0, false, false, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("beta1 = 1 ");
        assertThatThrownBy(() -> new Adamax(2e-3, 0.9, 1.5, 1e-8, 0)).hasMessageStartingWith("beta2 ");
        assertThatThrownBy(() -> new RmsProp(0.01, 1, 1e-8, 0, 0, false)).hasMessageStartingWith("alpha ");
        assertThatThrownBy(() -> new Adagrad(0.01, 0, 0, 0, 0)).hasMessageStartingWith("eps ");
        assertThatThrownBy(() -> new Adam(1e-3, 0.9, 0.999, 1e-8, -0.1, true, false, true))
                .hasMessageStartingWith("weight_decay ");
    }

    @Test
    void nesterovNeedsMomentumAndNoDampening() {
        assertThatThrownBy(() -> new Momentum(0.01, 0.9, 0.1, true, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dampening = 0.1");
        assertThatThrownBy(() -> Steps.create("nesterov", "momentum", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("momentum > 0");
        assertThatCode(() -> Steps.create("momentum", "momentum", 0, "dampening", 0.1)).doesNotThrowAnyException();
    }

    @Test
    void eveNeedsKAtMostBigK() {
        assertThatThrownBy(() -> Steps.create("eve", "k", 2, "K", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("K = 1 ")
                .hasMessageContaining("k = 2");
        assertThat(Steps.create("eve", "k", 2, "K", 2)).isInstanceOf(Eve.class);
    }
}
