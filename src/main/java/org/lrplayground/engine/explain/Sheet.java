package org.lrplayground.engine.explain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.lrplayground.engine.explain.Explanation.Equation;
import org.lrplayground.engine.explain.Explanation.Role;
import org.lrplayground.engine.explain.Explanation.Value;
import org.lrplayground.engine.param.Numbers;

/**
 * Where {@link StepEquations} writes a step's equations: each is evaluated as it is added, and later
 * ones refer to earlier results by their symbols ({@link #get}), like cells of a spreadsheet.
 */
final class Sheet {

    private static final String[] AXES = {"x", "y"};

    final StepInputs in;
    private final List<Equation> equations = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, double[]> results = new HashMap<>();

    Sheet(StepInputs in) {
        this.in = in;
    }

    /** {@code symbol = rhs(i)} for each coordinate i. */
    void each(String symbol, Role role, String quantity, IntFunction<Term> rhs) {
        List<Value> values = new ArrayList<>();
        double[] out = new double[in.theta().length];
        String formula = null;
        for (int i = 0; i < out.length; i++) {
            Term term = rhs.apply(i);
            formula = term.symbols();
            out[i] = term.value();
            values.add(value(AXES[i], term));
        }
        add(new Equation(symbol, formula, role, quantity, values), out);
    }

    /** {@code symbol = rhs}, one value for every coordinate. */
    void once(String symbol, Role role, String quantity, Term rhs) {
        add(new Equation(symbol, rhs.symbols(), role, quantity, List.of(value("", rhs))), new double[] {rhs.value()});
    }

    /** A value the step starts from, shown as {@code symbol = value}. */
    void input(String symbol, double value) {
        add(new Equation(symbol, null, Role.INPUT, null, List.of(new Value("", null, value))), new double[] {value});
    }

    void note(String text) {
        notes.add(text);
    }

    /** The result of the earlier equation {@code symbol} for coordinate i, as a term by that name. */
    Term get(String symbol, int i) {
        double[] v = results.get(symbol);
        if (v == null) {
            throw new IllegalStateException(symbol + " is used before its equation");
        }
        return Term.of(symbol, v[Math.min(i, v.length - 1)]);
    }

    /** The result of the earlier scalar equation {@code symbol}. */
    Term get(String symbol) {
        return get(symbol, 0);
    }

    /** The optimizer's state {@code quantity} before the step, coordinate i, by the name {@code symbol}. */
    Term before(String quantity, String symbol, int i) {
        double[] v = in.before().get(quantity);
        if (v == null) {
            throw new IllegalArgumentException("the step's state has no " + quantity + " (it has " + in.before().keySet()
                    + "): record the run's state to explain it");
        }
        return Term.of(symbol, v[Math.min(i, v.length - 1)]);
    }

    Explanation done(String method) {
        return new Explanation(method, in.t(), equations, notes);
    }

    private void add(Equation equation, double[] values) {
        equations.add(equation);
        results.put(equation.symbol(), values);
    }

    private static Value value(String axis, Term term) {
        String numbers = term.numbers();
        return new Value(axis, numbers.equals(Numbers.readable(term.value())) ? null : numbers, term.value());
    }
}
