package org.lrplayground.engine.surface;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A user's expression in x and y, parsed by recursive descent into a postfix program and
 * evaluated with forward-mode automatic differentiation: every stack slot carries the value and
 * its exact partial derivatives (v, ∂v/∂x, ∂v/∂y), so the gradient costs one pass and no
 * finite differences.
 *
 * <p>Grammar (nothing else is accepted, so no text can reach code beyond these operations):
 * <pre>
 * expression := term (('+' | '-') term)*
 * term       := unary (('*' | '/') unary)*
 * unary      := ('-' | '+') unary | power
 * power      := primary ('^' unary)?            right-associative; -x^2 = -(x^2)
 * primary    := number | x | y | pi | e | function '(' expression (',' expression)? ')'
 *             | '(' expression ')'
 * </pre>
 * Positions in error messages count characters from 1.
 *
 * <p>An expression is immutable and may be shared; evaluation needs an {@link Evaluator}, which
 * owns its scratch stacks and does not allocate.
 */
final class Expression {

    /** Longest accepted source text. */
    static final int MAX_LENGTH = 500;

    /**
     * The instructions; {@code arity} operands are popped and one result is pushed. The named
     * functions are the constants from {@code SIN} on, in the order error messages list them.
     */
    enum Op {
        CONST(0), X(0), Y(0), ADD(2), SUB(2), MUL(2), DIV(2), POW(2), NEG(1),
        SIN(1), COS(1), TAN(1), ASIN(1), ACOS(1), ATAN(1), SINH(1), COSH(1), TANH(1),
        EXP(1), LOG(1), SQRT(1), ABS(1), MIN(2), MAX(2);

        final int arity;

        Op(int arity) {
            this.arity = arity;
        }
    }

    /** Functions by name; {@code pow(a, b)} is a ^ b. */
    private static final Map<String, Op> FUNCTIONS = functions();

    private static Map<String, Op> functions() {
        Map<String, Op> byName = new LinkedHashMap<>();
        for (Op op : Op.values()) {
            if (op.ordinal() >= Op.SIN.ordinal()) {
                byName.put(op.name().toLowerCase(Locale.ROOT), op);
            }
        }
        byName.put("pow", Op.POW);
        return Collections.unmodifiableMap(byName);
    }

    private static final String ACCEPTED_NAMES = "x, y, pi, e, " + String.join(", ", FUNCTIONS.keySet());

    private final Op[] code;
    private final double[] constants;
    private final int depth;

    private Expression(Op[] code, double[] constants, int depth) {
        this.code = code;
        this.constants = constants;
        this.depth = depth;
    }

    /**
     * Compiles an expression in x and y.
     *
     * @throws IllegalArgumentException naming the position of the first error and what was expected there
     */
    static Expression parse(String source) {
        if (source.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the expression is " + source.length()
                    + " characters long (accepted: at most " + MAX_LENGTH + ")");
        }
        if (source.isBlank()) {
            throw new IllegalArgumentException("the expression is empty — expected an expression in x and y, e.g. x^2 + 3*y^2");
        }
        return new Parser(source).parse();
    }

    /** Instructions in the program: what one evaluation costs. */
    int size() {
        return code.length;
    }

    /** A new evaluator with its own scratch stacks. */
    Evaluator evaluator() {
        return new Evaluator();
    }

    /** Evaluates the program; one per thread or run, since it reuses its stacks. */
    final class Evaluator implements Surface.Sampler {

        private final double[] v = new double[depth];
        private final double[] dx = new double[depth];
        private final double[] dy = new double[depth];

        /** Returns f(x, y) and writes ∂f/∂x, ∂f/∂y into {@code grad}. */
        @Override
        public double sample(double x, double y, double[] grad) {
            int sp = -1;
            for (int i = 0; i < code.length; i++) {
                Op op = code[i];
                switch (op) {
                    case CONST -> push(++sp, constants[i], 0, 0);
                    case X -> push(++sp, x, 1, 0);
                    case Y -> push(++sp, y, 0, 1);
                    case NEG -> push(sp, -v[sp], -dx[sp], -dy[sp]);
                    case ADD -> {
                        sp--;
                        push(sp, v[sp] + v[sp + 1], dx[sp] + dx[sp + 1], dy[sp] + dy[sp + 1]);
                    }
                    case SUB -> {
                        sp--;
                        push(sp, v[sp] - v[sp + 1], dx[sp] - dx[sp + 1], dy[sp] - dy[sp + 1]);
                    }
                    case MUL -> {
                        sp--;
                        double a = v[sp];
                        double b = v[sp + 1];
                        push(sp, a * b, a * dx[sp + 1] + b * dx[sp], a * dy[sp + 1] + b * dy[sp]);
                    }
                    case DIV -> {
                        sp--;
                        double b = v[sp + 1];
                        double q = v[sp] / b;
                        push(sp, q, (dx[sp] - q * dx[sp + 1]) / b, (dy[sp] - q * dy[sp + 1]) / b);
                    }
                    case POW -> {
                        sp--;
                        double a = v[sp];
                        double b = v[sp + 1];
                        double p = Math.pow(a, b);
                        // ∂(aᵇ) = b aᵇ⁻¹ ∂a + aᵇ ln a ∂b
                        double byBase = b * Math.pow(a, b - 1);
                        double byExponent = p * Math.log(a);
                        push(sp, p, chain(dx[sp], byBase) + chain(dx[sp + 1], byExponent),
                                chain(dy[sp], byBase) + chain(dy[sp + 1], byExponent));
                    }
                    case MIN, MAX -> {
                        sp--;
                        boolean second = op == Op.MIN ? v[sp + 1] < v[sp] : v[sp + 1] > v[sp];
                        if (second) {
                            push(sp, v[sp + 1], dx[sp + 1], dy[sp + 1]);
                        }
                    }
                    default -> function(op, sp);
                }
            }
            grad[0] = dx[0];
            grad[1] = dy[0];
            return v[0];
        }

        /** Applies a one-argument function and its derivative f′ by the chain rule. */
        private void function(Op op, int sp) {
            double a = v[sp];
            double f;
            double d;
            switch (op) {
                case SIN -> {
                    f = Math.sin(a);
                    d = Math.cos(a);
                }
                case COS -> {
                    f = Math.cos(a);
                    d = -Math.sin(a);
                }
                case TAN -> {
                    f = Math.tan(a);
                    d = 1 + f * f;
                }
                case ASIN -> {
                    f = Math.asin(a);
                    d = 1 / Math.sqrt(1 - a * a);
                }
                case ACOS -> {
                    f = Math.acos(a);
                    d = -1 / Math.sqrt(1 - a * a);
                }
                case ATAN -> {
                    f = Math.atan(a);
                    d = 1 / (1 + a * a);
                }
                case SINH -> {
                    f = Math.sinh(a);
                    d = Math.cosh(a);
                }
                case COSH -> {
                    f = Math.cosh(a);
                    d = Math.sinh(a);
                }
                case TANH -> {
                    f = Math.tanh(a);
                    d = 1 - f * f;
                }
                case EXP -> {
                    f = Math.exp(a);
                    d = f;
                }
                case LOG -> {
                    f = Math.log(a);
                    d = 1 / a;
                }
                case SQRT -> {
                    f = Math.sqrt(a);
                    d = 0.5 / f;
                }
                case ABS -> {
                    f = Math.abs(a);
                    d = Math.signum(a);
                }
                default -> throw new IllegalStateException("not a function: " + op);
            }
            push(sp, f, chain(dx[sp], d), chain(dy[sp], d));
        }

        private void push(int sp, double value, double ddx, double ddy) {
            v[sp] = value;
            dx[sp] = ddx;
            dy[sp] = ddy;
        }
    }

    /**
     * inner · outer, where an inner derivative of 0 wins: sqrt(0) or log(0) of a constant, or
     * a constant base under a variable exponent, must not turn 0·∞ into NaN.
     */
    private static double chain(double inner, double outer) {
        return inner == 0 ? 0 : inner * outer;
    }

    /** Recursive descent over the source, emitting postfix code as it goes. */
    private static final class Parser {

        private static final String OPERAND = "expected a number, x, y, a function or '('";

        private final String s;
        private int pos;
        private final List<Op> code = new ArrayList<>();
        private final List<Double> constants = new ArrayList<>();
        private int depth;
        private int maxDepth;

        Parser(String s) {
            this.s = s;
        }

        Expression parse() {
            expression();
            skipSpaces();
            if (pos < s.length()) {
                throw unexpected("expected an operator (+ - * / ^) or the end");
            }
            return new Expression(code.toArray(Op[]::new), constants.stream().mapToDouble(Double::doubleValue).toArray(),
                    maxDepth);
        }

        private void expression() {
            term();
            while (true) {
                if (accept('+')) {
                    term();
                    emit(Op.ADD, 0);
                } else if (accept('-')) {
                    term();
                    emit(Op.SUB, 0);
                } else {
                    return;
                }
            }
        }

        private void term() {
            unary();
            while (true) {
                if (accept('*')) {
                    unary();
                    emit(Op.MUL, 0);
                } else if (accept('/')) {
                    unary();
                    emit(Op.DIV, 0);
                } else {
                    return;
                }
            }
        }

        private void unary() {
            if (accept('-')) {
                unary();
                emit(Op.NEG, 0);
            } else if (accept('+')) {
                unary();
            } else {
                power();
            }
        }

        private void power() {
            primary();
            if (accept('^')) {
                unary();
                emit(Op.POW, 0);
            }
        }

        private void primary() {
            skipSpaces();
            if (pos == s.length()) {
                throw unexpected(OPERAND);
            }
            char c = s.charAt(pos);
            if (isDigit(c) || c == '.') {
                number();
            } else if (Character.isLetter(c)) {
                name();
            } else if (accept('(')) {
                expression();
                expect(')');
            } else {
                throw unexpected(OPERAND);
            }
        }

        private void number() {
            int start = pos;
            while (pos < s.length() && isDigit(s.charAt(pos))) {
                pos++;
            }
            if (pos < s.length() && s.charAt(pos) == '.') {
                pos++;
                while (pos < s.length() && isDigit(s.charAt(pos))) {
                    pos++;
                }
            }
            if (pos == start + 1 && s.charAt(start) == '.') {
                pos = start;
                throw unexpected(OPERAND);
            }
            // an exponent only when digits follow, so that "2e" stays 2 followed by the name e
            if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                int e = pos + 1;
                if (e < s.length() && (s.charAt(e) == '+' || s.charAt(e) == '-')) {
                    e++;
                }
                if (e < s.length() && isDigit(s.charAt(e))) {
                    pos = e;
                    while (pos < s.length() && isDigit(s.charAt(pos))) {
                        pos++;
                    }
                }
            }
            double value = Double.parseDouble(s.substring(start, pos));
            if (Double.isInfinite(value)) {
                throw new IllegalArgumentException("the number at position " + (start + 1) + " is too large");
            }
            emit(Op.CONST, value);
        }

        private void name() {
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
            }
            String name = s.substring(start, pos);
            switch (name) {
                case "x" -> emit(Op.X, 0);
                case "y" -> emit(Op.Y, 0);
                case "pi" -> emit(Op.CONST, Math.PI);
                case "e" -> emit(Op.CONST, Math.E);
                default -> {
                    Op function = FUNCTIONS.get(name);
                    if (function == null) {
                        throw new IllegalArgumentException("unknown name '" + name + "' at position " + (start + 1)
                                + " (accepted: " + ACCEPTED_NAMES + ")");
                    }
                    call(name, function);
                }
            }
        }

        private void call(String name, Op function) {
            expect('(');
            expression();
            for (int i = 1; i < function.arity; i++) {
                skipSpaces();
                if (pos < s.length() && s.charAt(pos) == ')') {
                    throw unexpected(name + " takes " + function.arity + " arguments, expected ','");
                }
                expect(',');
                expression();
            }
            skipSpaces();
            if (pos < s.length() && s.charAt(pos) == ',') {
                throw unexpected(name + " takes " + (function.arity == 1 ? "one argument" : function.arity + " arguments")
                        + ", expected ')'");
            }
            expect(')');
            emit(function, 0);
        }

        private void emit(Op op, double constant) {
            code.add(op);
            constants.add(constant);
            depth += 1 - op.arity;
            maxDepth = Math.max(maxDepth, depth);
        }

        private boolean accept(char c) {
            skipSpaces();
            if (pos < s.length() && s.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!accept(c)) {
                throw unexpected("expected '" + c + "'");
            }
        }

        private IllegalArgumentException unexpected(String expected) {
            String what = pos == s.length() ? "unexpected end" : "unexpected '" + s.charAt(pos) + "'";
            return new IllegalArgumentException(what + " at position " + (pos + 1) + " — " + expected);
        }

        private void skipSpaces() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }
}
