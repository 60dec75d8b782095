package org.lrplayground.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lrplayground.engine.param.Method;
import org.lrplayground.engine.param.Param;

class OptimizersTest {

    @Test
    void registryListsEveryMethodInPickerOrder() {
        assertThat(Optimizers.ALL).extracting(Method::id).containsExactly("sgd", "momentum", "ewma-momentum",
                "nesterov", "adagrad", "rmsprop", "adadelta", "adam", "amsgrad", "adamw", "adamax", "nadam", "eve",
                "polyak", "hypergradient");
        assertThat(Optimizers.byId("adamw")).contains(Adam.ADAMW_METHOD);
        assertThat(Optimizers.byId("adamw2")).isEmpty();
    }

    /** PyTorch's defaults (and the reference's where PyTorch has none), written out independently. */
    @Test
    void defaultsAreThoseOfTheReference() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("sgd", "lr=0.01");
        expected.put("momentum", "lr=0.01 momentum=0.9 dampening=0 nesterov=0 weight_decay=0");
        expected.put("ewma-momentum", "lr=0.01 momentum=0.9");
        expected.put("nesterov", "lr=0.01 momentum=0.9 dampening=0 nesterov=1 weight_decay=0");
        expected.put("adagrad", "lr=0.01 lr_decay=0 weight_decay=0 initial_accumulator_value=0 eps=1e-10");
        expected.put("rmsprop", "lr=0.01 alpha=0.99 eps=1e-8 weight_decay=0 momentum=0 centered=0");
        expected.put("adadelta", "lr=1 rho=0.9 eps=1e-6 weight_decay=0");
        expected.put("adam", "lr=0.001 beta1=0.9 beta2=0.999 eps=1e-8 weight_decay=0 amsgrad=0 bias_correction=1");
        expected.put("amsgrad", "lr=0.001 beta1=0.9 beta2=0.999 eps=1e-8 weight_decay=0 amsgrad=1 bias_correction=1");
        expected.put("adamw", "lr=0.001 beta1=0.9 beta2=0.999 eps=1e-8 weight_decay=0.01 amsgrad=0 bias_correction=1");
        expected.put("adamax", "lr=0.002 beta1=0.9 beta2=0.999 eps=1e-8 weight_decay=0");
        expected.put("nadam", "lr=0.002 beta1=0.9 beta2=0.999 eps=1e-8 weight_decay=0 momentum_decay=0.004");
        expected.put("eve", "lr=0.001 beta1=0.9 beta2=0.999 beta3=0.999 eps=1e-8 k=0.1 K=10");
        expected.put("polyak", "lr=1 eps=1e-16");
        expected.put("hypergradient", "lr=0.01 hyper_lr=0.0001");
        assertThat(Optimizers.ALL).extracting(Method::id).containsExactlyElementsOf(expected.keySet());
        for (Method<Optimizer> method : Optimizers.ALL) {
            Map<String, Double> want = new LinkedHashMap<>();
            for (String pair : expected.get(method.id()).split(" ")) {
                String[] kv = pair.split("=");
                want.put(kv[0], Double.parseDouble(kv[1]));
            }
            assertThat(method.defaults(Param.Context.NONE).byName()).as(method.id()).containsExactlyEntriesOf(want);
        }
    }

    @Test
    void everyMethodHasAnLrAndDistinctParameterNames() {
        for (Method<Optimizer> method : Optimizers.ALL) {
            assertThat(method.param("lr")).as(method.id()).isNotNull();
            assertThat(new HashSet<>(method.params())).hasSameSizeAs(method.params());
            assertThat(method.params().stream().map(Param::name).distinct().count()).isEqualTo(method.params().size());
            Optimizer defaults = method.create(method.defaults(Param.Context.NONE));
            assertThat(defaults.lr()).isEqualTo(method.defaults(Param.Context.NONE).get(method.param("lr")));
        }
    }

    @Test
    void stateIsACopy() {
        for (Method<Optimizer> method : Optimizers.ALL) {
            Steps.Driver d = new Steps.Driver(method.create(method.defaults(Param.Context.NONE)));
            d.step(0.5, -2, 3);
            Map<String, double[]> first = d.stepper.state();
            Map<String, double[]> snapshot = new LinkedHashMap<>();
            first.forEach((k, v) -> snapshot.put(k, v.clone()));
            first.values().forEach(v -> Arrays.fill(v, Double.NaN));
            Map<String, double[]> again = d.stepper.state();
            assertThat(again.keySet()).as(method.id()).isEqualTo(snapshot.keySet());
            snapshot.forEach((k, v) -> assertThat(again.get(k)).as(method.id() + " " + k).containsExactly(v));
        }
    }

    @Test
    void stepDoesNotAllocate() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (Method<Optimizer> method : Optimizers.ALL) {
            Stepper stepper = method.create(method.defaults(Param.Context.NONE)).start(2);
            StepContext c = new StepContext(2);
            c.eta = 1e-3;
            run(stepper, c, 1, 1000); // warm up
            long before = threads.getCurrentThreadAllocatedBytes();
            run(stepper, c, 1001, 20_000);
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertThat(allocated).as(method.id() + ": bytes allocated in 19,000 steps").isLessThan(1024);
        }
    }

    private static void run(Stepper stepper, StepContext c, int from, int to) {
        for (int t = from; t <= to; t++) {
            c.t = t;
            c.loss = 2 + Math.cos(t);
            c.grad[0] = Math.sin(0.37 * t);
            c.grad[1] = Math.cos(0.11 * t);
            stepper.step(c);
        }
    }
}
