package org.lrplayground.engine.explain;

import java.util.List;

/**
 * One update of a run explained as a spreadsheet's formula auditing would: the optimizer's
 * equations of docs/optimizers.md (its names and order), each
 * with this step's numbers put in and its result, per coordinate where the quantity is. A pure
 * description, made by {@link StepEquations}; a page renders it.
 *
 * @param method    the optimizer's name, e.g. "Adam"
 * @param t         the step: the update that produced θ_t from θ_{t−1}
 * @param equations in the order the optimizer computes them
 * @param notes     which branch the step took, where the method has one (Eve: the loss rose or fell)
 */
public record Explanation(String method, int t, List<Equation> equations, List<String> notes) {

    public Explanation {
        equations = List.copyOf(equations);
        notes = List.copyOf(notes);
    }

    /** The equations with this role, in order. */
    public List<Equation> withRole(Role role) {
        return equations.stream().filter(e -> e.role() == role).toList();
    }

    /** The equation of {@code symbol}, e.g. "mₜ". */
    public Equation equation(String symbol) {
        return equations.stream().filter(e -> e.symbol().equals(symbol)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(method + " has no equation for " + symbol + "; it has "
                        + equations.stream().map(Equation::symbol).toList()));
    }

    /** What a quantity is to a picture of the step (the plot draws arrows and bars by role). */
    public enum Role {
        /** A value the step starts from, e.g. η_t. */
        INPUT,
        /** The gradient the method uses (with L2 weight decay where it has one). */
        GRADIENT,
        /** A running average or sum of gradients: momentum's buffer, Adam's first moment. */
        MOMENTUM,
        /** A per-coordinate accumulation of squared (or absolute) gradients: Adagrad's G, Adam's v. */
        SQUARES,
        /** The effective learning rate. */
        RATE,
        /** Δθ = θ_t − θ_{t−1}. */
        UPDATE,
        /** θ_t. */
        POSITION,
        /** Anything else the method computes on the way (bias corrections, Eve's feedback). */
        OTHER
    }

    /**
     * One equation: {@code symbol = formula}, evaluated once (a scalar) or per coordinate.
     *
     * @param formula  the right-hand side in symbols; null for an input, which is only a value
     * @param quantity the name of the optimizer state it computes ({@code Stepper#quantities}), or null
     * @param values   one per coordinate, or one for a scalar
     */
    public record Equation(String symbol, String formula, Role role, String quantity, List<Value> values) {

        public Equation {
            values = List.copyOf(values);
        }

        /** The result for coordinate i; a scalar's only one for every i. */
        public double value(int i) {
            return values.get(Math.min(i, values.size() - 1)).result();
        }

        public boolean perCoordinate() {
            return values.size() > 1;
        }
    }

    /**
     * The equation for one coordinate.
     *
     * @param coordinate "x" or "y", or "" for a scalar
     * @param numbers    the right-hand side with the numbers put in; null when it would only repeat the result
     */
    public record Value(String coordinate, String numbers, double result) {
    }
}
