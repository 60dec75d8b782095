package org.lrplayground.engine.optim;

import org.lrplayground.engine.param.Param;

/** Parameters that several methods share under PyTorch's names (each keeps its own default where PyTorch does). */
final class Common {

    private Common() {
    }

    static final Param BETA1 = Param.real("beta1", 0.9, 0, 0.9999, "decay of the first moment (mean of gradients)");
    static final Param BETA2 = Param.real("beta2", 0.999, 0, 0.999999, "decay of the second moment (mean of squared gradients)");
    static final Param WEIGHT_DECAY = Param.real("weight_decay", 0, 0, 10, "L2 penalty λ added to the gradient: g + λθ");

    static Param eps(double def) {
        return Param.above("eps", def, 0, 1, "ε added to the denominator for numerical stability");
    }
}
