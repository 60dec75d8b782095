package org.lrplayground.engine.surface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionTest {

    private static double eval(String source, double x, double y, double[] grad) {
        return Expression.parse(source).evaluator().sample(x, y, grad);
    }

    private static double eval(String source, double x, double y) {
        return eval(source, x, y, new double[2]);
    }

    @Test
    void precedenceAndAssociativity() {
        assertThat(eval("1 + 2 * 3", 0, 0)).isEqualTo(7);
        assertThat(eval("2 ^ 3 ^ 2", 0, 0)).isEqualTo(512);
        assertThat(eval("-x^2", 3, 0)).isEqualTo(-9);
        assertThat(eval("2^-1", 0, 0)).isEqualTo(0.5);
        assertThat(eval("8 / 4 / 2", 0, 0)).isEqualTo(1);
        assertThat(eval("x - y - 1", 5, 2)).isEqualTo(2);
        assertThat(eval("--+x", 4, 0)).isEqualTo(4);
        assertThat(eval("2e3 + 1.5E-1 + .5", 0, 0)).isEqualTo(2000.65);
        assertThat(eval("2*e", 0, 0)).isEqualTo(2 * Math.E);
        assertThat(eval("pi", 0, 0)).isEqualTo(Math.PI);
        assertThat(eval("min(x, y) + max(x, y) + pow(2, 10)", 1, 7)).isEqualTo(1032);
        assertThat(eval(" ( x ) * ( y ) ", 3, 4)).isEqualTo(12);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            x + (y*)      | unexpected ')' at position 8 — expected a number, x, y, a function or '('
            x +           | unexpected end at position 4 — expected a number, x, y, a function or '('
            2x            | unexpected 'x' at position 2 — expected an operator (+ - * / ^) or the end
            sin x         | unexpected 'x' at position 5 — expected '('
            (x + y        | unexpected end at position 7 — expected ')'
            max(x)        | unexpected ')' at position 6 — max takes 2 arguments, expected ','
            sin(x, y)     | unexpected ',' at position 6 — sin takes one argument, expected ')'
            x ** 2        | unexpected '*' at position 4 — expected a number, x, y, a function or '('
            x²            | unexpected '²' at position 2 — expected an operator (+ - * / ^) or the end
            .             | unexpected '.' at position 1 — expected a number, x, y, a function or '('
            1e999         | the number at position 1 is too large
            """)
    void syntaxErrorsNameThePositionAndWhatWasExpected(String source, String message) {
        assertThatThrownBy(() -> Expression.parse(source)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void unknownNamesListTheAcceptedOnes() {
        assertThatThrownBy(() -> Expression.parse("x + foo(y)")).hasMessage("unknown name 'foo' at position 5 (accepted: "
                + "x, y, pi, e, sin, cos, tan, asin, acos, atan, sinh, cosh, tanh, exp, log, sqrt, abs, min, max, pow)");
        assertThatThrownBy(() -> Expression.parse("X")).hasMessageStartingWith("unknown name 'X' at position 1");
    }

    @Test
    void nothingButArithmeticCanBeEvaluated() {
        for (String attack : new String[] {"java.lang.Runtime.getRuntime().exec('ls')", "T(java.lang.Runtime)",
                "Runtime.getRuntime()", "''.getClass()", "${x}", "#{x}", "x; System.exit(0)", "new Object()",
                "Math.max(x, y)", "exec(x)"}) {
            assertThatThrownBy(() -> Expression.parse(attack)).as(attack).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageMatching("(unknown name|unexpected).*");
        }
    }

    @Test
    void expressionsMayBeFiveHundredCharactersLong() {
        String ok = "x" + " + x".repeat(124) + "   ";
        assertThat(ok).hasSize(500);
        assertThat(eval(ok, 1, 0)).isEqualTo(125);
        assertThatThrownBy(() -> Expression.parse(ok + "1")).hasMessage(
                "the expression is 501 characters long (accepted: at most 500)");
        assertThatThrownBy(() -> Expression.parse("  ")).hasMessageStartingWith("the expression is empty");
    }

    @Test
    void deepNestingWithinTheLengthLimitParses() {
        String nested = "(".repeat(249) + "x" + ")".repeat(249);
        assertThat(eval(nested, 2, 0)).isEqualTo(2);
        String powers = "x" + "^x".repeat(249);
        assertThat(eval(powers, 1, 0)).isEqualTo(1);
    }

    @Test
    void everyFunctionsDerivativeMatchesAFiniteDifference() {
        String[] functions = {"sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "exp", "log", "sqrt",
                "abs"};
        for (String fn : functions) {
            String source = fn + "(0.3*x - 0.2*y + 0.1)";
            assertDerivativesMatch(source, 0.7, -0.4);
            assertDerivativesMatch("-" + source, 0.3, -0.2);
        }
        assertDerivativesMatch("x^y", 1.3, 0.7);
        assertDerivativesMatch("pow(y, x) / (1 + x^2)", 0.4, 2.1);
        assertDerivativesMatch("min(x*y, x+y) * max(x, 2*y)", 0.8, 1.9);
        assertDerivativesMatch("min(x*y, x+y) * max(x, 2*y)", 3.0, 0.1);
    }

    @Test
    void derivativesOfConstantsStayZeroWhereTheFunctionHasNoDerivative() {
        double[] g = new double[2];
        assertThat(eval("sqrt(0) + log(0)*0 + 0^0.5 + x", 1, 1, g)).isNaN();
        assertThat(eval("sqrt(0) + x + 0^0.5 + 2^y", 1, 0, g)).isEqualTo(2);
        assertThat(g[0]).isEqualTo(1);
        assertThat(g[1]).isCloseTo(Math.log(2), within(1e-15));
        assertThat(eval("(-2)^2 * x", 1, 0, g)).isEqualTo(4);
        assertThat(g).containsExactly(4, 0);
    }

    @Test
    void derivativesOfRandomExpressionsMatchFiniteDifferences() {
        SplittableRandom random = new SplittableRandom(2024);
        int checked = 0;
        for (int k = 0; k < 300; k++) {
            String source = randomExpression(random, 4);
            double x = random.nextDouble(-2, 2);
            double y = random.nextDouble(-2, 2);
            double[] g = new double[2];
            double f = eval(source, x, y, g);
            if (Double.isFinite(f) && Math.abs(f) < 1e6) {
                assertDerivativesMatch(source, x, y);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(250);
    }

    /** Smooth everywhere on the plane, so finite differences are a fair reference. */
    private static String randomExpression(SplittableRandom random, int depth) {
        if (depth == 0 || random.nextInt(4) == 0) {
            return switch (random.nextInt(4)) {
                case 0 -> "x";
                case 1 -> "y";
                case 2 -> Double.toString(Math.round(random.nextDouble(-3, 3) * 100) / 100.0);
                default -> "pi";
            };
        }
        String a = randomExpression(random, depth - 1);
        String b = randomExpression(random, depth - 1);
        return switch (random.nextInt(14)) {
            case 0 -> "(" + a + " + " + b + ")";
            case 1 -> "(" + a + " - " + b + ")";
            case 2 -> "(" + a + " * " + b + ")";
            case 3 -> "(" + a + ") / (2 + sin(" + b + "))";
            case 4 -> "(1 + (" + a + ")^2)^(" + Math.round(random.nextDouble(-2, 2) * 10) / 10.0 + ")";
            case 5 -> "sin(" + a + ")";
            case 6 -> "cos(" + a + ") * " + b;
            case 7 -> "exp(tanh(" + a + "))";
            case 8 -> "atan(" + a + ")";
            case 9 -> "log(1 + (" + a + ")^2)";
            case 10 -> "sqrt(2 + cos(" + a + "))";
            case 11 -> "-" + a + "^2";
            case 12 -> "pow(1.5 + sin(" + a + "), " + b + ")";
            default -> "sinh(tanh(" + a + ")) * cosh(atan(" + b + "))";
        };
    }

    private static void assertDerivativesMatch(String source, double x, double y) {
        Surface.Sampler f = Expression.parse(source).evaluator();
        double[] g = new double[2];
        double value = f.sample(x, y, g);
        double scale = 1 + Math.abs(value) + Math.hypot(g[0], g[1]);
        assertThat(g[0]).as("∂/∂x of %s at (%s, %s)", source, x, y)
                .isCloseTo(Derivatives.partial(f, x, y, 0, 1e-3), within(1e-6 * scale));
        assertThat(g[1]).as("∂/∂y of %s at (%s, %s)", source, x, y)
                .isCloseTo(Derivatives.partial(f, x, y, 1, 1e-3), within(1e-6 * scale));
    }

    @Test
    void anEvaluatorDoesNotAllocate() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Surface.Sampler f = Expression.parse("sin(x)*exp(-y^2) + max(x, y) / (1 + x^2) + pow(2, y)").evaluator();
        double[] g = new double[2];
        double sum = 0;
        for (int i = 0; i < 20_000; i++) {
            sum += f.sample(i * 1e-4, -i * 1e-4, g); // warm up so that the measured loop runs compiled
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100_000; i++) {
            sum += f.sample(i * 1e-5, i * 1e-5, g);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(sum).isFinite();
        assertThat(allocated).as("bytes allocated by 100 000 evaluations").isLessThan(10_000);
    }
}
