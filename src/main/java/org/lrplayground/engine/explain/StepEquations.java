package org.lrplayground.engine.explain;

import static org.lrplayground.engine.explain.Term.abs;
import static org.lrplayground.engine.explain.Term.div;
import static org.lrplayground.engine.explain.Term.max;
import static org.lrplayground.engine.explain.Term.min;
import static org.lrplayground.engine.explain.Term.minus;
import static org.lrplayground.engine.explain.Term.neg;
import static org.lrplayground.engine.explain.Term.num;
import static org.lrplayground.engine.explain.Term.param;
import static org.lrplayground.engine.explain.Term.plus;
import static org.lrplayground.engine.explain.Term.pow;
import static org.lrplayground.engine.explain.Term.sqrt;
import static org.lrplayground.engine.explain.Term.square;
import static org.lrplayground.engine.explain.Term.times;

import java.util.function.IntFunction;
import org.lrplayground.engine.explain.Explanation.Role;
import org.lrplayground.engine.optim.Adadelta;
import org.lrplayground.engine.optim.Adagrad;
import org.lrplayground.engine.optim.Adam;
import org.lrplayground.engine.optim.Adamax;
import org.lrplayground.engine.optim.Eve;
import org.lrplayground.engine.optim.EwmaMomentum;
import org.lrplayground.engine.optim.Hypergradient;
import org.lrplayground.engine.optim.Momentum;
import org.lrplayground.engine.optim.NAdam;
import org.lrplayground.engine.optim.Optimizer;
import org.lrplayground.engine.optim.Polyak;
import org.lrplayground.engine.optim.RmsProp;
import org.lrplayground.engine.optim.Sgd;
import org.lrplayground.engine.run.RunConfig;
import org.lrplayground.engine.run.Trajectory;

/**
 * The equations of every optimizer, one set each, as docs/optimizers.md writes
 * them (its names, its order, its branches), evaluated on the inputs of one recorded update. The
 * optimizers' steppers compute the same numbers in their allocation-free loops; StepEquationsTest
 * holds the two, and the reference implementations, to agree.
 *
 * <p>Every set ends alike: the effective rate lr, the update Δθ = θ_t − θ_{t−1} and θ_t.
 */
public final class StepEquations {

    private StepEquations() {
    }

    /**
     * Explains update {@code t} of a run of {@code config} whose trajectory was recorded with its state.
     *
     * @param fStar f* as the engine used it
     * @throws IllegalArgumentException when the run has no update t or its state was not recorded
     */
    public static Explanation explain(RunConfig config, Trajectory trajectory, int t, double fStar) {
        Optimizer optimizer = config.optimizer().instance();
        Sheet s = new Sheet(StepInputs.of(trajectory, t, fStar, config.schedule().instance().momentum(t - 1)));
        s.input("ηₜ", s.in.eta());
        switch (optimizer) {
            case Sgd c -> {
                gradient(s, 0);
                s.once("lr", Role.RATE, null, eta(s));
                update(s, i -> times(s.get("lr"), s.get("g", i)));
            }
            case Momentum c -> momentum(s, c);
            case EwmaMomentum c -> {
                gradient(s, 0);
                double beta = s.in.momentumOr(c.momentum());
                s.each("sₜ", Role.MOMENTUM, "s", i -> average(param("β", beta), s.before("s", "sₜ₋₁", i), s.get("g", i)));
                s.once("lr", Role.RATE, null, eta(s));
                update(s, i -> times(s.get("lr"), s.get("sₜ", i)));
            }
            case Adagrad c -> adagrad(s, c);
            case RmsProp c -> rmsProp(s, c);
            case Adadelta c -> adadelta(s, c);
            case Adam c -> adam(s, c, null);
            case Adamax c -> adamax(s, c);
            case NAdam c -> nadam(s, c);
            case Eve c -> eve(s, c);
            case Polyak c -> {
                gradient(s, 0);
                s.once("‖g‖²", Role.OTHER, null, plus(square(Term.of("g_x", s.get("g", 0).value())),
                        square(Term.of("g_y", s.get("g", 1).value()))));
                s.once("lr", Role.RATE, null, div(times(eta(s), minus(Term.of("f(θₜ₋₁)", s.in.loss()),
                        param("f*", s.in.fStar()))), plus(s.get("‖g‖²"), param("ε", c.eps()))));
                update(s, i -> times(s.get("lr"), s.get("g", i)));
            }
            case Hypergradient c -> hypergradient(s, c);
            default -> throw new IllegalArgumentException("no equations for " + config.optimizer().method().name());
        }
        return s.done(config.optimizer().method().name());
    }

    private static Term eta(Sheet s) {
        return s.get("ηₜ");
    }

    /** g = ∇f(θ_{t−1}), with weight decay λ as L2: g = ∇f + λθ_{t−1}. */
    private static void gradient(Sheet s, double lambda) {
        s.each("g", Role.GRADIENT, null, i -> {
            Term grad = Term.of("∇f(θₜ₋₁)", s.in.grad()[i]);
            return lambda == 0 ? grad : plus(grad, times(param("λ", lambda), Term.of("θₜ₋₁", s.in.theta()[i])));
        });
    }

    /** β·a + (1 − β)·x: an exponentially weighted average, the moments' common form. */
    private static Term average(Term beta, Term a, Term x) {
        return plus(times(beta, a), times(minus(num(1), beta), x));
    }

    /** Δθ = −size(i) and θ_t = θ_{t−1} + Δθ. */
    private static void update(Sheet s, IntFunction<Term> size) {
        s.each("Δθ", Role.UPDATE, null, i -> neg(size.apply(i)));
        s.each("θₜ", Role.POSITION, null, i -> plus(Term.of("θₜ₋₁", s.in.theta()[i]), s.get("Δθ", i)));
    }

    /** Heavy ball, PyTorch's form: b₁ = g, b_t = μ b_{t−1} + (1 − τ) g; Nesterov steps along g + μ b_t. */
    private static void momentum(Sheet s, Momentum c) {
        gradient(s, c.weightDecay());
        Term mu = param("μ", s.in.momentumOr(c.momentum()));
        s.each("bₜ", Role.MOMENTUM, "b", i -> s.in.t() == 1 ? s.get("g", i)
                : plus(times(mu, s.before("b", "bₜ₋₁", i)), c.dampening() == 0 ? s.get("g", i)
                        : times(minus(num(1), param("τ", c.dampening())), s.get("g", i))));
        s.once("lr", Role.RATE, null, eta(s));
        update(s, i -> times(s.get("lr"), c.nesterov() ? plus(s.get("g", i), times(mu, s.get("bₜ", i))) : s.get("bₜ", i)));
    }

    /** G_t = G_{t−1} + g², η̃ = η / (1 + (t − 1)·lr_decay), lr = η̃ / (√G_t + ε). */
    private static void adagrad(Sheet s, Adagrad c) {
        gradient(s, c.weightDecay());
        s.each("Gₜ", Role.SQUARES, "G", i -> plus(s.before("G", "Gₜ₋₁", i), square(s.get("g", i))));
        Term rate = eta(s);
        if (c.lrDecay() != 0) {
            s.once("η̃", Role.OTHER, null, div(eta(s), plus(num(1), times(minus(Term.of("t", s.in.t()), num(1)),
                    param("lr_decay", c.lrDecay())))));
            rate = s.get("η̃");
        }
        Term scaled = rate;
        s.each("lr", Role.RATE, null, i -> div(scaled, plus(sqrt(s.get("Gₜ", i)), param("ε", c.eps()))));
        update(s, i -> times(s.get("lr", i), s.get("g", i)));
    }

    /** v_t = α v + (1 − α) g²; centered: ḡ and ṽ = v_t − ḡ²; with momentum B_t = μ B + g/(√ṽ + ε). */
    private static void rmsProp(Sheet s, RmsProp c) {
        gradient(s, c.weightDecay());
        Term alpha = param("α", c.alpha());
        s.each("vₜ", Role.SQUARES, "v", i -> average(alpha, s.before("v", "vₜ₋₁", i), square(s.get("g", i))));
        String second = "vₜ";
        if (c.centered()) {
            s.each("ḡₜ", Role.OTHER, "g_avg", i -> average(alpha, s.before("g_avg", "ḡₜ₋₁", i), s.get("g", i)));
            // v − ḡ² ≥ 0 in exact arithmetic; rounding can dip below, where the engine takes 0 too.
            s.each("ṽ", Role.OTHER, null, i -> max(num(0), minus(s.get("vₜ", i), square(s.get("ḡₜ", i)))));
            second = "ṽ";
        }
        String denominator = second;
        s.each("lr", Role.RATE, null, i -> div(eta(s), plus(sqrt(s.get(denominator, i)), param("ε", c.eps()))));
        double mu = s.in.momentumOr(c.momentum());
        if (mu == 0) {
            update(s, i -> times(s.get("lr", i), s.get("g", i)));
            return;
        }
        s.each("Bₜ", Role.MOMENTUM, "B", i -> plus(times(param("μ", mu), s.before("B", "Bₜ₋₁", i)),
                div(s.get("g", i), plus(sqrt(s.get(denominator, i)), param("ε", c.eps())))));
        update(s, i -> times(eta(s), s.get("Bₜ", i)));
    }

    /** v_t = ρ v + (1 − ρ) g², Δ = √(u_{t−1} + ε)/√(v_t + ε)·g, u_t = ρ u + (1 − ρ) Δ², θ −= η Δ. */
    private static void adadelta(Sheet s, Adadelta c) {
        gradient(s, c.weightDecay());
        Term rho = param("ρ", c.rho());
        Term eps = param("ε", c.eps());
        s.each("vₜ", Role.SQUARES, "v", i -> average(rho, s.before("v", "vₜ₋₁", i), square(s.get("g", i))));
        IntFunction<Term> scale = i -> div(sqrt(plus(s.before("u", "uₜ₋₁", i), eps)), sqrt(plus(s.get("vₜ", i), eps)));
        s.each("Δ", Role.OTHER, null, i -> times(scale.apply(i), s.get("g", i)));
        s.each("uₜ", Role.SQUARES, "u", i -> average(rho, s.before("u", "uₜ₋₁", i), square(s.get("Δ", i))));
        s.each("lr", Role.RATE, null, i -> times(eta(s), scale.apply(i)));
        update(s, i -> times(eta(s), s.get("Δ", i)));
    }

    /** m_t = β₁ m + (1 − β₁) g with the schedule's β₁ where it cycles one. */
    private static Term beta1(Sheet s, double configured) {
        return param("β₁", s.in.momentumOr(configured));
    }

    private static void firstMoment(Sheet s, Term beta1) {
        s.each("mₜ", Role.MOMENTUM, "m", i -> average(beta1, s.before("m", "mₜ₋₁", i), s.get("g", i)));
    }

    private static void secondMoment(Sheet s, double beta2) {
        s.each("vₜ", Role.SQUARES, "v", i -> average(param("β₂", beta2), s.before("v", "vₜ₋₁", i), square(s.get("g", i))));
    }

    /** 1 − βᵗ. */
    private static Term correction(Term beta, Sheet s) {
        return minus(num(1), pow(beta, Term.of("t", s.in.t())));
    }

    /**
     * Adam (AMSGrad, AdamW): m, v, m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ) (AMSGrad: of v_max), lr = η/(d·√v̂ + ε)
     * with Eve's feedback {@code d}, else η/(√v̂ + ε); AdamW also shrinks θ by ηλθ.
     */
    private static void adam(Sheet s, Adam c, Term d) {
        gradient(s, c.decoupled() ? 0 : c.weightDecay());
        Term beta1 = beta1(s, c.beta1());
        firstMoment(s, beta1);
        secondMoment(s, c.beta2());
        String second = "vₜ";
        if (c.amsgrad()) {
            s.each("v_maxₜ", Role.SQUARES, "v_max", i -> max(s.before("v_max", "v_maxₜ₋₁", i), s.get("vₜ", i)));
            second = "v_maxₜ";
        }
        String first = "mₜ";
        if (c.biasCorrection()) {
            s.each("m̂", Role.OTHER, null, i -> div(s.get("mₜ", i), correction(beta1, s)));
            String raw = second;
            s.each("v̂", Role.OTHER, null, i -> div(s.get(raw, i), correction(param("β₂", c.beta2()), s)));
            first = "m̂";
            second = "v̂";
        }
        String root = second;
        s.each("lr", Role.RATE, null, i -> div(eta(s), plus(d == null ? sqrt(s.get(root, i)) : times(d, sqrt(s.get(root, i))),
                param("ε", c.eps()))));
        String moment = first;
        update(s, i -> {
            Term step = times(s.get("lr", i), s.get(moment, i));
            return !c.decoupled() ? step
                    : plus(step, times(times(eta(s), param("λ", c.weightDecay())), Term.of("θₜ₋₁", s.in.theta()[i])));
        });
    }

    /** m as Adam, u_t = max(β₂ u_{t−1}, |g| + ε), lr = η / ((1 − β₁ᵗ) u_t). */
    private static void adamax(Sheet s, Adamax c) {
        gradient(s, c.weightDecay());
        Term beta1 = beta1(s, c.beta1());
        firstMoment(s, beta1);
        s.each("uₜ", Role.SQUARES, "u", i -> max(times(param("β₂", c.beta2()), s.before("u", "uₜ₋₁", i)),
                plus(abs(s.get("g", i)), param("ε", c.eps()))));
        s.each("lr", Role.RATE, null, i -> div(eta(s), times(correction(beta1, s), s.get("uₜ", i))));
        update(s, i -> times(s.get("lr", i), s.get("mₜ", i)));
    }

    /** μ_t = β₁ (1 − ½·0.96^{tψ}), Π_t = Π_{t−1} μ_t, m̂ = μ_{t+1} m_t/(1 − Π_t μ_{t+1}) + (1 − μ_t) g/(1 − Π_t). */
    private static void nadam(Sheet s, NAdam c) {
        gradient(s, c.weightDecay());
        Term beta1 = beta1(s, c.beta1());
        Term psi = param("ψ", c.momentumDecay());
        Term t = Term.of("t", s.in.t());
        s.once("μₜ", Role.OTHER, null, times(beta1, minus(num(1), times(num(0.5), pow(num(0.96), times(t, psi))))));
        s.once("μₜ₊₁", Role.OTHER, null, times(beta1, minus(num(1), times(num(0.5),
                pow(num(0.96), times(plus(t, num(1)), psi))))));
        s.once("Πₜ", Role.OTHER, "mu_product", times(s.before("mu_product", "Πₜ₋₁", 0), s.get("μₜ")));
        firstMoment(s, beta1);
        secondMoment(s, c.beta2());
        s.each("m̂", Role.OTHER, null, i -> plus(
                div(times(s.get("μₜ₊₁"), s.get("mₜ", i)), minus(num(1), times(s.get("Πₜ"), s.get("μₜ₊₁")))),
                div(times(minus(num(1), s.get("μₜ")), s.get("g", i)), minus(num(1), s.get("Πₜ")))));
        s.each("v̂", Role.OTHER, null, i -> div(s.get("vₜ", i), correction(param("β₂", c.beta2()), s)));
        s.each("lr", Role.RATE, null, i -> div(eta(s), plus(sqrt(s.get("v̂", i)), param("ε", c.eps()))));
        update(s, i -> times(s.get("lr", i), s.get("m̂", i)));
    }

    /** Eve, Algorithm 1 (corrected): the feedback d from the relative change of f − f*, then Adam divided by d. */
    private static void eve(Sheet s, Eve c) {
        s.once("fₜ", Role.INPUT, null, minus(Term.of("f(θₜ₋₁)", s.in.loss()), param("f*", s.in.fStar())));
        if (s.in.t() == 1) {
            s.once("f̂ₜ", Role.OTHER, "f_hat", s.get("fₜ"));
            s.once("dₜ", Role.OTHER, "d", num(1));
        } else {
            Term fHat = s.before("f_hat", "f̂ₜ₋₁", 0);
            boolean rising = s.get("fₜ").value() >= fHat.value();
            s.note(rising ? "fₜ ≥ f̂ₜ₋₁: the loss rose, so (δ, Δ) = (k + 1, K + 1)"
                    : "fₜ < f̂ₜ₋₁: the loss fell, so (δ, Δ) = (1/(K + 1), 1/(k + 1))");
            Term k = param("k", c.k());
            Term bigK = param("K", c.K());
            s.once("δ", Role.OTHER, null, rising ? plus(k, num(1)) : div(num(1), plus(bigK, num(1))));
            s.once("Δ", Role.OTHER, null, rising ? plus(bigK, num(1)) : div(num(1), plus(k, num(1))));
            s.once("c", Role.OTHER, null, min(max(s.get("δ"), div(s.get("fₜ"), fHat)), s.get("Δ")));
            s.once("f̂ₜ", Role.OTHER, "f_hat", times(s.get("c"), fHat));
            s.once("r", Role.OTHER, null, div(abs(minus(s.get("f̂ₜ"), fHat)), min(s.get("f̂ₜ"), fHat)));
            s.once("dₜ", Role.OTHER, "d", average(param("β₃", c.beta3()), s.before("d", "dₜ₋₁", 0), s.get("r")));
        }
        adam(s, new Adam(c.lr(), c.beta1(), c.beta2(), c.eps(), 0, false, false, true), s.get("dₜ"));
    }

    /** SGD-HD: α_t = α_{t−1} + β_h g·u_{t−1}, lr = α_t s_t with s_t = η_t/lr, u_t = s_t g. */
    private static void hypergradient(Sheet s, Hypergradient c) {
        gradient(s, 0);
        s.once("αₜ", Role.OTHER, "alpha", plus(s.before("alpha", "αₜ₋₁", 0), times(param("β_h", c.hyperLr()),
                plus(times(Term.of("g_x", s.get("g", 0).value()), s.before("u", "u_x", 0)),
                        times(Term.of("g_y", s.get("g", 1).value()), s.before("u", "u_y", 1))))));
        s.once("sₜ", Role.OTHER, null, div(eta(s), param("lr", c.lr())));
        s.once("lr", Role.RATE, null, times(s.get("αₜ"), s.get("sₜ")));
        update(s, i -> times(s.get("lr"), s.get("g", i)));
        s.each("uₜ", Role.OTHER, "u", i -> times(s.get("sₜ"), s.get("g", i)));
    }
}
