package org.lrplayground.engine.explain;

import org.lrplayground.engine.param.Numbers;

/**
 * The right-hand side of an equation as a small expression tree that both computes its value and
 * writes itself twice: in symbols ({@code β₁·mₜ₋₁ + (1 − β₁)·g}) and with this step's numbers put in
 * ({@code 0.9·0.12 + 0.1·-0.4}), the way a spreadsheet's formula auditing shows a cell. A part made
 * of hyperparameters only ({@code 1 − β₁}) is written as its value among numbers.
 */
public sealed interface Term {

    double value();

    /** The term in symbols. */
    String symbols();

    /** The term with the step's numbers put in, formatted by {@link Numbers#readable}. */
    String numbers();

    /** Binding strength: 1 for a sum, 2 for a product or quotient, 3 for a value or a function. */
    int precedence();

    /** Whether the term holds only hyperparameters and literals, the same in every step. */
    boolean fixed();

    /** A value of the step (a gradient, a state, a result), named as the reference names it. */
    static Term of(String name, double value) {
        return new Named(name, value, false);
    }

    /** A hyperparameter (β₁, ε, …): among numbers a part made of these alone is written as its value. */
    static Term param(String name, double value) {
        return new Named(name, value, true);
    }

    /** A literal number such as the 1 of 1 − β₁. */
    static Term num(double value) {
        return new Named(Numbers.readable(value), value, true);
    }

    static Term plus(Term a, Term b) {
        return new Op('+', a, b);
    }

    static Term minus(Term a, Term b) {
        return new Op('−', a, b);
    }

    static Term times(Term a, Term b) {
        return new Op('·', a, b);
    }

    static Term div(Term a, Term b) {
        return new Op('/', a, b);
    }

    /** a², written a² in symbols. */
    static Term square(Term a) {
        return new Call("²", a, null);
    }

    /** −a. */
    static Term neg(Term a) {
        return new Call("−", a, null);
    }

    static Term sqrt(Term a) {
        return new Call("√", a, null);
    }

    static Term abs(Term a) {
        return new Call("|", a, null);
    }

    static Term max(Term a, Term b) {
        return new Call("max", a, b);
    }

    static Term min(Term a, Term b) {
        return new Call("min", a, b);
    }

    /** a^b. */
    static Term pow(Term a, Term b) {
        return new Call("^", a, b);
    }

    /** A leaf: a named value, a hyperparameter or a literal. */
    record Named(String name, double value, boolean fixed) implements Term {

        @Override
        public String symbols() {
            return name;
        }

        @Override
        public String numbers() {
            return Numbers.readable(value);
        }

        @Override
        public int precedence() {
            return 3;
        }
    }

    /** A binary operation: + − · /. */
    record Op(char op, Term a, Term b) implements Term {

        @Override
        public double value() {
            return switch (op) {
                case '+' -> a.value() + b.value();
                case '−' -> a.value() - b.value();
                case '·' -> a.value() * b.value();
                default -> a.value() / b.value();
            };
        }

        @Override
        public int precedence() {
            return op == '+' || op == '−' ? 1 : 2;
        }

        @Override
        public boolean fixed() {
            return a.fixed() && b.fixed();
        }

        @Override
        public String symbols() {
            return write(a.symbols(), a.precedence(), b.symbols(), b.precedence());
        }

        @Override
        public String numbers() {
            return fixed() ? Numbers.readable(value())
                    : write(inNumbers(a), inNumbersPrecedence(a), inNumbers(b), inNumbersPrecedence(b));
        }

        private String write(String left, int l, String right, int r) {
            // The right operand of − and / binds as if one level tighter: a − (b + c), a / (b·c).
            boolean rightTight = op == '−' || op == '/';
            String space = op == '·' ? "" : " ";
            return wrap(left, l < precedence()) + space + op + space + wrap(right, r < precedence() + (rightTight ? 1 : 0));
        }
    }

    /** A function of one or two terms: √, |·|, ², −, max, min, ^. */
    record Call(String fn, Term a, Term b) implements Term {

        @Override
        public double value() {
            return switch (fn) {
                case "²" -> a.value() * a.value();
                case "−" -> -a.value();
                case "√" -> Math.sqrt(a.value());
                case "|" -> Math.abs(a.value());
                case "max" -> Math.max(a.value(), b.value());
                case "min" -> Math.min(a.value(), b.value());
                default -> Math.pow(a.value(), b.value());
            };
        }

        /** A negation binds like a sum: −(a + b), and a − (−b). */
        @Override
        public int precedence() {
            return fn.equals("−") ? 1 : 3;
        }

        @Override
        public boolean fixed() {
            return a.fixed() && (b == null || b.fixed());
        }

        @Override
        public String symbols() {
            return write(a.symbols(), a.precedence() < 3 || a instanceof Call,
                    b == null ? null : b.symbols(), !(b instanceof Named));
        }

        @Override
        public String numbers() {
            return fixed() ? Numbers.readable(value()) : write(inNumbers(a), !a.fixed() && (a.precedence() < 3 || a instanceof Call),
                    b == null ? null : inNumbers(b), b != null && !b.fixed() && !(b instanceof Named));
        }

        /** With {@code x} and {@code y} the operands as written, and whether each needs brackets. */
        private String write(String x, boolean xCompound, String y, boolean yCompound) {
            return switch (fn) {
                case "²" -> wrap(x, xCompound) + "²";
                case "√" -> "√" + wrap(x, xCompound && a.precedence() < 3);
                case "−" -> "−" + wrap(x, a.precedence() < 2);
                case "|" -> "|" + x + "|";
                case "^" -> wrap(x, xCompound) + "^" + wrap(y, yCompound);
                default -> fn + "(" + x + ", " + y + ")";
            };
        }
    }

    /** A term among numbers; a negative value in brackets, so that 0.1·(-0.4) never reads as a subtraction. */
    private static String inNumbers(Term t) {
        String s = t.numbers();
        return t instanceof Named && s.startsWith("-") ? "(" + s + ")" : s;
    }

    /** Among numbers a part of hyperparameters alone is one value, which binds like one. */
    private static int inNumbersPrecedence(Term t) {
        return t.fixed() ? 3 : t.precedence();
    }

    private static String wrap(String s, boolean brackets) {
        return brackets ? "(" + s + ")" : s;
    }
}
