package org.lrplayground.engine.optim;

import java.util.List;
import java.util.Optional;
import org.lrplayground.engine.param.Method;

/** Every optimizer the playground offers, in the order pickers list them. */
public final class Optimizers {

    private Optimizers() {
    }

    public static final List<Method<Optimizer>> ALL = List.of(Sgd.METHOD, Momentum.METHOD, EwmaMomentum.METHOD,
            Momentum.NESTEROV_METHOD, Adagrad.METHOD, RmsProp.METHOD, Adadelta.METHOD, Adam.METHOD,
            Adam.AMSGRAD_METHOD, Adam.ADAMW_METHOD, Adamax.METHOD, NAdam.METHOD, Eve.METHOD, Polyak.METHOD,
            Hypergradient.METHOD);

    public static Optional<Method<Optimizer>> byId(String id) {
        return ALL.stream().filter(m -> m.id().equals(id)).findFirst();
    }
}
