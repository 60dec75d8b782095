package org.lrplayground.engine.optim;

import java.util.Map;
import org.lrplayground.engine.param.Param;
import org.lrplayground.engine.param.Values;

/** Test helpers: build optimizers from the registry and drive their steppers by hand. */
final class Steps {

    private Steps() {
    }

    /** The registered method {@code id} with the given overrides, e.g. {@code create("adam", "beta1", 0.5)}. */
    static Optimizer create(String id, Object... keyValues) {
        var method = Optimizers.byId(id).orElseThrow();
        Map<String, Double> given = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            given.put((String) keyValues[i], ((Number) keyValues[i + 1]).doubleValue());
        }
        return method.create(Values.of(method.params(), given, Param.Context.NONE));
    }

    /** A stepper over two coordinates and the context that drives it. */
    static final class Driver {
        final Optimizer optimizer;
        final Stepper stepper;
        final StepContext c = new StepContext(2);

        Driver(Optimizer optimizer) {
            this.optimizer = optimizer;
            stepper = optimizer.start(2);
            c.t = 0;
        }

        Driver(String id, Object... keyValues) {
            this(create(id, keyValues));
        }

        /** Takes step t + 1 at gradient (gx, gy) with η = lr, then moves θ; returns the context for its outputs. */
        StepContext step(double gx, double gy) {
            return step(gx, gy, c.loss);
        }

        StepContext step(double gx, double gy, double loss) {
            c.t++;
            c.eta = optimizer.lr();
            c.loss = loss;
            c.grad[0] = gx;
            c.grad[1] = gy;
            stepper.step(c);
            c.theta[0] -= c.update[0];
            c.theta[1] -= c.update[1];
            return c;
        }

        double state(String key) {
            return stepper.state().get(key)[0];
        }

        double state(String key, int i) {
            return stepper.state().get(key)[i];
        }
    }
}
