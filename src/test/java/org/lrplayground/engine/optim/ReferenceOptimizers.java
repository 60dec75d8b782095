package org.lrplayground.engine.optim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plain reference implementations written straight from docs/optimizers.md and
 * PyTorch's documented algorithms, one coordinate at a time, sharing nothing with the main code (in the
 * spirit of ND4J's UpdaterValidation). Slow and obvious on purpose: when a main implementation and its
 * reference disagree, this one is the easier to read against the paper.
 */
final class ReferenceOptimizers {

    private ReferenceOptimizers() {
    }

    /** One step's inputs, as the runner would give them. */
    record Input(int t, double eta, double momentum, double loss, double fStar, double[] theta, double[] grad) {
    }

    /** A reference optimizer: {@link #step} fills {@link #update} and {@link #lr}; {@link #state} names its internals. */
    abstract static class Reference {
        final Map<String, Double> h;
        final int dim;
        final double[] update;
        final double[] lr;

        Reference(Map<String, Double> hyper, int dim) {
            h = hyper;
            this.dim = dim;
            update = new double[dim];
            lr = new double[dim];
        }

        double h(String name) {
            Double value = h.get(name);
            if (value == null) {
                throw new IllegalArgumentException("the reference needs " + name + ", got " + h.keySet());
            }
            return value;
        }

        boolean flag(String name) {
            return h(name) != 0;
        }

        /** The one-cycle override when present, else the configured value. */
        static double or(double override, double configured) {
            return Double.isNaN(override) ? configured : override;
        }

        abstract void step(Input in);

        abstract Map<String, double[]> state();
    }

    static Reference of(String id, Map<String, Double> h, int dim) {
        return switch (id) {
            case "sgd" -> new Sgd(h, dim);
            case "momentum", "nesterov" -> new HeavyBall(h, dim);
            case "ewma-momentum" -> new Ewma(h, dim);
            case "adagrad" -> new Adagrad(h, dim);
            case "rmsprop" -> new RmsProp(h, dim);
            case "adadelta" -> new Adadelta(h, dim);
            case "adam", "amsgrad" -> new Adam(h, dim, false);
            case "adamw" -> new Adam(h, dim, true);
            case "adamax" -> new Adamax(h, dim);
            case "nadam" -> new NAdam(h, dim);
            case "eve" -> new Eve(h, dim);
            case "polyak" -> new Polyak(h, dim);
            case "hypergradient" -> new Hypergradient(h, dim);
            default -> throw new IllegalArgumentException("no reference for " + id);
        };
    }

    static final class Sgd extends Reference {
        Sgd(Map<String, Double> h, int dim) {
            super(h, dim);
        }

        @Override
        void step(Input in) {
            for (int i = 0; i < dim; i++) {
                update[i] = in.eta() * in.grad()[i];
                lr[i] = in.eta();
            }
        }

        @Override
        Map<String, double[]> state() {
            return Map.of();
        }
    }

    /** torch.optim.SGD with momentum, dampening, nesterov and weight_decay. */
    static final class HeavyBall extends Reference {
        final double[] buf;

        HeavyBall(Map<String, Double> h, int dim) {
            super(h, dim);
            buf = new double[dim];
        }

        @Override
        void step(Input in) {
            double mu = or(in.momentum(), h("momentum"));
            double dampening = h("dampening");
            for (int i = 0; i < dim; i++) {
                double g = in.grad()[i] + h("weight_decay") * in.theta()[i];
                double direction;
                if (mu == 0) {
                    buf[i] = g; // PyTorch keeps no buffer; the main code's b is then just g
                    direction = g;
                } else {
                    if (in.t() == 1) {
                        buf[i] = g;
                    } else {
                        buf[i] = mu * buf[i] + (1 - dampening) * g;
                    }
                    direction = flag("nesterov") ? g + mu * buf[i] : buf[i];
                }
                update[i] = in.eta() * direction;
                lr[i] = in.eta();
            }
        }

        @Override
        Map<String, double[]> state() {
            return Map.of("b", buf.clone());
        }
    }

    static final class Ewma extends Reference {
        final double[] s;

        Ewma(Map<String, Double> h, int dim) {
            super(h, dim);
            s = new double[dim];
        }

        @Override
        void step(Input in) {
            double beta = or(in.momentum(), h("momentum"));
            for (int i = 0; i < dim; i++) {
                s[i] = beta * s[i] + (1 - beta) * in.grad()[i];
                update[i] = in.eta() * s[i];
                lr[i] = in.eta();
            }
        }

        @Override
        Map<String, double[]> state() {
            return Map.of("s", s.clone());
        }
    }

    static final class Adagrad extends Reference {
        final double[] sum;

        Adagrad(Map<String, Double> h, int dim) {
            super(h, dim);
            sum = new double[dim];
            for (int i = 0; i < dim; i++) {
                sum[i] = h("initial_accumulator_value");
            }
        }

        @Override
        void step(Input in) {
            double clr = in.eta() / (1 + (in.t() - 1) * h("lr_decay"));
            for (int i = 0; i < dim; i++) {
                double g = in.grad()[i] + h("weight_decay") * in.theta()[i];
                sum[i] = sum[i] + g * g;
                double std = Math.sqrt(sum[i]) + h("eps");
                update[i] = clr * g / std;
                lr[i] = clr / std;
            }
        }

        @Override
        Map<String, double[]> state() {
            return Map.of("G", sum.clone());
        }
    }

    static final class RmsProp extends Reference {
        final double[] squareAvg;
        final double[] gradAvg;
        final double[] buf;

        RmsProp(Map<String, Double> h, int dim) {
            super(h, dim);
            squareAvg = new double[dim];
            gradAvg = new double[dim];
            buf = new double[dim];
        }

        @Override
        void step(Input in) {
            double alpha = h("alpha");
            double mu = or(in.momentum(), h("momentum"));
            for (int i = 0; i < dim; i++) {
                double g = in.grad()[i] + h("weight_decay") * in.theta()[i];
                squareAvg[i] = alpha * squareAvg[i] + (1 - alpha) * g * g;
                double avg;
                if (flag("centered")) {
                    gradAvg[i] = alpha * gradAvg[i] + (1 - alpha) * g;
                    avg = Math.sqrt(squareAvg[i] - gradAvg[i] * gradAvg[i]) + h("eps");
                } else {
                    avg = Math.sqrt(squareAvg[i]) + h("eps");
                }
                if (mu > 0) {
                    buf[i] = mu * buf[i] + g / avg;
                    update[i] = in.eta() * buf[i];
                } else {
                    buf[i] = g / avg;
                    update[i] = in.eta() * g / avg;
                }
                lr[i] = in.eta() / avg;
            }
        }

        @Override
        Map<String, double[]> state() {
            Map<String, double[]> state = new LinkedHashMap<>();
            state.put("v", squareAvg.clone());
            state.put("B", buf.clone());
            if (flag("centered")) {
                state.put("g_avg", gradAvg.clone());
            }
            return state;
        }
    }

    static final class Adadelta extends Reference {
        final double[] squareAvg;
        final double[] accDelta;

        Adadelta(Map<String, Double> h, int dim) {
            super(h, dim);
            squareAvg = new double[dim];
            accDelta = new double[dim];
        }

        @Override
        void step(Input in) {
            double rho = h("rho");
            double eps = h("eps");
            for (int i = 0; i < dim; i++) {
                double g = in.grad()[i] + h("weight_decay") * in.theta()[i];
                squareAvg[i] = rho * squareAvg[i] + (1 - rho) * g * g;
                double std = Math.sqrt(squareAvg[i] + eps);
                double delta = Math.sqrt(accDelta[i] + eps) / std * g;
                lr[i] = in.eta() * Math.sqrt(accDelta[i] + eps) / std;
                accDelta[i] = rho * accDelta[i] + (1 - rho) * delta * delta;
                update[i] = in.eta() * delta;
            }
        }

        @Override
        Map<String, double[]> state() {
            return Map.of("v", squareAvg.clone(), "u", accDelta.clone());
        }
    }

    /** Adam, AMSGrad (amsgrad flag) and AdamW (decoupled). */
    static final class Adam extends Reference {
        final boolean decoupled;
        final double[] m;
        final double[] v;
        final double[] vMax;

        Adam(Map<String, Double> h, int dim, boolean decoupled) {
            super(h, dim);
            this.decoupled = decoupled;
            m = new double[dim];
            v = new double[dim];
            vMax = new double[dim];
        }

        @Override
        void step(Input in) {
            double beta1 = or(in.momentum(), h("beta1"));
            double beta2 = h("beta2");
            double wd = h("weight_decay");
            int t = in.t();
            for (int i = 0; i < dim; i++) {
                double theta = in.theta()[i];
                double g = decoupled ? in.grad()[i] : in.grad()[i] + wd * theta;
                m[i] = beta1 * m[i] + (1 - beta1) * g;
                v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                double mHat = m[i];
                double second = v[i];
                if (flag("amsgrad")) {
                    vMax[i] = Math.max(vMax[i], v[i]);
                    second = vMax[i];
                }
                double vHat = second;
                if (flag("bias_correction")) {
                    mHat = m[i] / (1 - Math.pow(beta1, t));
                    vHat = second / (1 - Math.pow(beta2, t));
                }
                double denom = Math.sqrt(vHat) + h("eps");
                update[i] = in.eta() * mHat / denom;
                if (decoupled) {
                    update[i] += in.eta() * wd * theta;
                }
                lr[i] = in.eta() / denom;
            }
        }

        @Override
        Map<String, double[]> state() {
            Map<String, double[]> state = new LinkedHashMap<>();
            state.put("m", m.clone());
            state.put("v", v.clone());
            if (flag("amsgrad")) {
                state.put("v_max", vMax.clone());
            }
            return state;
        }
    }

    static final class Adamax extends Reference {
        final double[] m;
        final double[] u;

        Adamax(Map<String, Double> h, int dim) {
            super(h, dim);
            m = new double[dim];
            u = new double[dim];
        }

        @Override
        void step(Input in) {
            double beta1 = or(in.momentum(), h("beta1"));
            for (int i = 0; i < dim; i++) {
                double g = in.grad()[i] + h("weight_decay") * in.theta()[i];
                m[i] = beta1 * m[i] + (1 - beta1) * g;
                u[i] = Math.max(h("beta2") * u[i], Math.abs(g) + h("eps"));
                double clr = in.eta() / (1 - Math.pow(beta1, in.t()));
                update[i] = clr * m[i] / u[i];
                lr[i] = clr / u[i];
            }
        }

        @Override
        Map<String, double[]> state() {
            return Map.of("m", m.clone(), "u", u.clone());
        }
    }

    /** torch.optim.NAdam, without decoupled weight decay. */
    static final class NAdam extends Reference {
        final double[] m;
        final double[] v;
        double muProduct = 1;

        NAdam(Map<String, Double> h, int dim) {
            super(h, dim);
            m = new double[dim];
            v = new double[dim];
        }

        @Override
        void step(Input in) {
            double beta1 = or(in.momentum(), h("beta1"));
            double beta2 = h("beta2");
            double psi = h("momentum_decay");
            int t = in.t();
            double mu = beta1 * (1 - 0.5 * Math.pow(0.96, t * psi));
            double muNext = beta1 * (1 - 0.5 * Math.pow(0.96, (t + 1) * psi));
            muProduct = muProduct * mu;
            for (int i = 0; i < dim; i++) {
                double g = in.grad()[i] + h("weight_decay") * in.theta()[i];
                m[i] = beta1 * m[i] + (1 - beta1) * g;
                v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                double mHat = muNext * m[i] / (1 - muProduct * muNext) + (1 - mu) * g / (1 - muProduct);
                double vHat = v[i] / (1 - Math.pow(beta2, t));
                double denom = Math.sqrt(vHat) + h("eps");
                update[i] = in.eta() * mHat / denom;
                lr[i] = in.eta() / denom;
            }
        }

        @Override
        Map<String, double[]> state() {
            return Map.of("m", m.clone(), "v", v.clone(), "mu_product", new double[] {muProduct});
        }
    }

    /** arXiv 1611.01505, Algorithm 1 (with the corrected if-condition). */
    static final class Eve extends Reference {
        final double[] m;
        final double[] v;
        double d;
        double fHat;

        Eve(Map<String, Double> h, int dim) {
            super(h, dim);
            m = new double[dim];
            v = new double[dim];
        }

        @Override
        void step(Input in) {
            double beta1 = or(in.momentum(), h("beta1"));
            double beta2 = h("beta2");
            double k = h("k");
            double bigK = h("K");
            int t = in.t();
            double f = in.loss() - in.fStar();
            if (t == 1) {
                fHat = f;
                d = 1;
            } else {
                double delta;
                double bigDelta;
                if (f >= fHat) {
                    delta = k + 1;
                    bigDelta = bigK + 1;
                } else {
                    delta = 1 / (bigK + 1);
                    bigDelta = 1 / (k + 1);
                }
                double c = Math.min(Math.max(delta, f / fHat), bigDelta);
                double fHatNew = c * fHat;
                double r = Math.abs(fHatNew - fHat) / Math.min(fHatNew, fHat);
                d = h("beta3") * d + (1 - h("beta3")) * r;
                fHat = fHatNew;
            }
            for (int i = 0; i < dim; i++) {
                double g = in.grad()[i];
                m[i] = beta1 * m[i] + (1 - beta1) * g;
                v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                double mHat = m[i] / (1 - Math.pow(beta1, t));
                double vHat = v[i] / (1 - Math.pow(beta2, t));
                double denom = d * Math.sqrt(vHat) + h("eps");
                update[i] = in.eta() * mHat / denom;
                lr[i] = in.eta() / denom;
            }
        }

        @Override
        Map<String, double[]> state() {
            return Map.of("m", m.clone(), "v", v.clone(), "d", new double[] {d}, "f_hat", new double[] {fHat});
        }
    }

    static final class Polyak extends Reference {
        Polyak(Map<String, Double> h, int dim) {
            super(h, dim);
        }

        @Override
        void step(Input in) {
            double gradNormSquared = 0;
            for (int i = 0; i < dim; i++) {
                gradNormSquared += in.grad()[i] * in.grad()[i];
            }
            double rate = in.eta() * (in.loss() - in.fStar()) / (gradNormSquared + h("eps"));
            for (int i = 0; i < dim; i++) {
                update[i] = rate * in.grad()[i];
                lr[i] = rate;
            }
        }

        @Override
        Map<String, double[]> state() {
            return Map.of();
        }
    }

    /** SGD-HD; u is −∂θ/∂α, which carries the schedule's multiplier η_t / lr. */
    static final class Hypergradient extends Reference {
        final double[] u;
        double alpha;

        Hypergradient(Map<String, Double> h, int dim) {
            super(h, dim);
            u = new double[dim];
            alpha = h("lr");
        }

        @Override
        void step(Input in) {
            double hypergradient = 0;
            for (int i = 0; i < dim; i++) {
                hypergradient -= in.grad()[i] * u[i];
            }
            alpha = alpha - h("hyper_lr") * hypergradient;
            double multiplier = in.eta() / h("lr");
            for (int i = 0; i < dim; i++) {
                update[i] = alpha * multiplier * in.grad()[i];
                lr[i] = alpha * multiplier;
                u[i] = multiplier * in.grad()[i];
            }
        }

        @Override
        Map<String, double[]> state() {
            return Map.of("alpha", new double[] {alpha}, "u", u.clone());
        }
    }
}
