package org.lrplayground.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lrplayground.engine.param.Method;
import org.lrplayground.engine.param.Param;
import org.lrplayground.engine.param.Values;

/**
 * Drives every optimizer and its plain reference ({@link ReferenceOptimizers}) through the same random
 * gradients, losses, schedule values and momentum overrides, and compares update, effective lr and
 * state after every step.
 */
class ReferenceComparisonTest {

    static final int STEPS = 80;
    static final int DIM = 3;
    static final double RELATIVE = 1e-12;

    /**
     * One setting to compare under: the method, its non-default hyperparameters, and whether η varies
     * from step to step (a schedule) and momentum/β₁ is imposed (one-cycle).
     */
    record Case(String id, String overrides, boolean varyingEta, boolean cyclingMomentum) {
        @Override
        public String toString() {
            return id + (overrides.isEmpty() ? "" : " " + overrides) + (varyingEta ? " · scheduled η" : "")
                    + (cyclingMomentum ? " · cycled momentum" : "");
        }

        Map<String, Double> given() {
            Map<String, Double> given = new LinkedHashMap<>();
            if (!overrides.isEmpty()) {
                for (String pair : overrides.split(",")) {
                    String[] kv = pair.split("=");
                    given.put(kv[0], Double.parseDouble(kv[1]));
                }
            }
            return given;
        }
    }

    static Case c(String id, String overrides) {
        return new Case(id, overrides, false, false);
    }

    static Case scheduled(String id, String overrides) {
        return new Case(id, overrides, true, false);
    }

    static Case cycled(String id, String overrides) {
        return new Case(id, overrides, true, true);
    }

    static List<Case> cases() {
        return List.of(
                c("sgd", ""), scheduled("sgd", "lr=0.1"),
                c("momentum", ""), c("momentum", "momentum=0.5,dampening=0.3"), c("momentum", "nesterov=1"),
                c("momentum", "weight_decay=0.1,momentum=0.99"), c("momentum", "momentum=0,dampening=0.5"),
                cycled("momentum", "dampening=0.2"), cycled("momentum", "nesterov=1,weight_decay=0.01"),
                c("ewma-momentum", ""), c("ewma-momentum", "momentum=0.5,lr=0.3"), cycled("ewma-momentum", ""),
                c("nesterov", ""), c("nesterov", "momentum=0.5,weight_decay=0.01"),
                c("nesterov", "nesterov=0,dampening=0.5"), cycled("nesterov", ""),
                c("adagrad", ""), scheduled("adagrad", "lr_decay=0.1,initial_accumulator_value=0.1,weight_decay=0.05,eps=0.001"),
                c("rmsprop", ""), c("rmsprop", "centered=1"), c("rmsprop", "momentum=0.9"),
                c("rmsprop", "centered=1,momentum=0.5,weight_decay=0.1,alpha=0.9"), cycled("rmsprop", "centered=1"),
                c("adadelta", ""), scheduled("adadelta", "rho=0.5,eps=0.001,weight_decay=0.1,lr=0.5"),
                c("adam", ""), c("adam", "amsgrad=1"), c("adam", "bias_correction=0"), c("adam", "weight_decay=0.1"),
                c("adam", "beta1=0,beta2=0.9"), c("adam", "amsgrad=1,bias_correction=0,beta2=0.5"),
                cycled("adam", "amsgrad=1"),
                c("amsgrad", ""), c("amsgrad", "weight_decay=0.1,beta2=0.9"),
                c("adamw", ""), c("adamw", "amsgrad=1,weight_decay=0.1"), scheduled("adamw", "weight_decay=0"),
                cycled("adamw", "bias_correction=0"),
                c("adamax", ""), c("adamax", "beta1=0.5,beta2=0.9,weight_decay=0.1"), cycled("adamax", ""),
                c("nadam", ""), c("nadam", "momentum_decay=0.1,weight_decay=0.1,beta1=0.8"), cycled("nadam", ""),
                c("eve", ""), c("eve", "k=0.5,K=2,beta3=0.9"), c("eve", "lr=0.1,beta1=0,k=1,K=1"),
                scheduled("eve", ""), cycled("eve", "beta3=0.5"),
                c("polyak", ""), scheduled("polyak", "lr=0.5,eps=0.001"),
                c("hypergradient", ""), c("hypergradient", "hyper_lr=0.01"), scheduled("hypergradient", "lr=0.1"));
    }

    @Test
    void everyRegisteredOptimizerHasAReferenceAndSeveralSettings() {
        Set<String> covered = cases().stream().map(Case::id).collect(Collectors.toCollection(TreeSet::new));
        assertThat(covered).containsExactlyInAnyOrderElementsOf(Optimizers.ALL.stream().map(Method::id).toList());
        for (String id : covered) {
            assertThat(cases().stream().filter(c -> c.id().equals(id)).count()).as(id).isGreaterThanOrEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTheReferenceStepByStep(Case setting) {
        Method<Optimizer> method = Optimizers.byId(setting.id()).orElseThrow();
        Values values = Values.of(method.params(), setting.given(), Param.Context.NONE);
        Optimizer optimizer = method.create(values);
        Stepper stepper = optimizer.start(DIM);
        ReferenceOptimizers.Reference reference = ReferenceOptimizers.of(setting.id(), values.byName(), DIM);

        SplittableRandom random = new SplittableRandom(20261123);
        StepContext c = new StepContext(DIM);
        c.fStar = -3.25;
        for (int i = 0; i < DIM; i++) {
            c.theta[i] = random.nextGaussian();
        }
        for (int t = 1; t <= STEPS; t++) {
            c.t = t;
            c.eta = optimizer.lr() * (setting.varyingEta() ? 0.1 + 2 * random.nextDouble() : 1);
            c.momentum = setting.cyclingMomentum() ? 0.85 + 0.1 * random.nextDouble() : Double.NaN;
            c.loss = c.fStar + Math.exp(2 * random.nextGaussian());
            for (int i = 0; i < DIM; i++) {
                c.grad[i] = random.nextGaussian() * Math.pow(10, random.nextDouble(-2, 2));
            }
            ReferenceOptimizers.Input in = new ReferenceOptimizers.Input(t, c.eta, c.momentum, c.loss, c.fStar,
                    c.theta.clone(), c.grad.clone());

            stepper.step(c);
            reference.step(in);

            String at = setting + ", step " + t;
            assertClose(at + ", update", reference.update, c.update);
            assertClose(at + ", effective lr", reference.lr, c.lr);
            Map<String, double[]> expected = reference.state();
            Map<String, double[]> actual = stepper.state();
            assertThat(actual.keySet()).as(at + ", state keys").isEqualTo(expected.keySet());
            for (String key : expected.keySet()) {
                assertClose(at + ", state " + key, expected.get(key), actual.get(key));
            }
            for (int i = 0; i < DIM; i++) {
                c.theta[i] -= c.update[i];
            }
        }
    }

    static void assertClose(String what, double[] expected, double[] actual) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i];
            double a = actual[i];
            if (!(Math.abs(e - a) <= RELATIVE * Math.max(Math.abs(e), Math.abs(a))) || !Double.isFinite(a)) {
                fail(what + "[" + i + "]: expected " + e + " but was " + a + " (reference " + Arrays.toString(expected)
                        + ", actual " + Arrays.toString(actual) + ")");
            }
        }
    }
}
