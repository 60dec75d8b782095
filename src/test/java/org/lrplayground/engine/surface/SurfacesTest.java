package org.lrplayground.engine.surface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lrplayground.engine.param.Method;
import org.lrplayground.engine.param.Param;
import org.lrplayground.engine.param.Values;

class SurfacesTest {

    static Stream<Surface> catalogue() {
        return Surfaces.ALL.stream().map(m -> Surfaces.get(m.id()));
    }

    @Test
    void theCatalogueListsEverySurfaceOfTheReferenceInOrder() {
        assertThat(Surfaces.ALL.stream().map(Method::id)).containsExactly("rosenbrock", "beale", "himmelblau", "booth",
                "rastrigin", "ackley", "goldstein-price", "six-hump-camel", "styblinski-tang", "saddle", "monkey-saddle",
                "ravine", "two-wells", "linreg", "sparse");
        catalogue().forEach(s -> assertThat(Surfaces.byId(s.id())).isPresent());
    }

    /** The batch's form: the same bits as one point at a time, for every surface (data fits use the default loop). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void gradientsAtManyPointsAreTheGradientsAtEachPoint(Surface s) {
        SplittableRandom random = new SplittableRandom(7);
        Box box = s.box();
        int n = 37;
        double[] xy = new double[2 * n], grad = new double[2 * n], loss = new double[n], g = new double[2];
        for (int i = 0; i < n; i++) {
            // Reaching past the box, and one huge point whose loss overflows.
            xy[i] = i == 0 ? 1e200 : box.xMin() - box.width() + 3 * box.width() * random.nextDouble();
            xy[n + i] = box.yMin() - box.height() + 3 * box.height() * random.nextDouble();
        }
        s.gradients(n, xy, grad, loss);
        for (int i = 0; i < n; i++) {
            double f = s.gradient(xy[i], xy[n + i], g);
            assertThat(Double.doubleToRawLongBits(loss[i])).isEqualTo(Double.doubleToRawLongBits(f));
            assertThat(Double.doubleToRawLongBits(grad[i])).isEqualTo(Double.doubleToRawLongBits(g[0]));
            assertThat(Double.doubleToRawLongBits(grad[n + i])).isEqualTo(Double.doubleToRawLongBits(g[1]));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void gradientMatchesAHighPrecisionFiniteDifference(Surface s) {
        SplittableRandom random = new SplittableRandom(42);
        Box box = s.box();
        double h = 1e-3 * Math.max(box.width(), box.height());
        double[] g = new double[2];
        for (int k = 0; k < 200; k++) {
            double x = box.xMin() + box.width() * random.nextDouble();
            double y = box.yMin() + box.height() * random.nextDouble();
            double f = s.gradient(x, y, g);
            assertThat(f).isCloseTo(s.value(x, y), within(1e-12 * (1 + Math.abs(f))));
            double scale = 1 + Math.abs(f) + Math.hypot(g[0], g[1]);
            assertThat(g[0]).as("∂f/∂x at (%s, %s)", x, y)
                    .isCloseTo(Derivatives.partial(s::gradient, x, y, 0, h), within(1e-7 * scale));
            assertThat(g[1]).as("∂f/∂y at (%s, %s)", x, y)
                    .isCloseTo(Derivatives.partial(s::gradient, x, y, 1, h), within(1e-7 * scale));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void everyListedMinimumIsAStationaryLocalMinimumWithTheStatedValue(Surface s) {
        double[] g = new double[2];
        double previous = Double.NEGATIVE_INFINITY;
        for (Minimum m : s.minima()) {
            double x = m.at().x();
            double y = m.at().y();
            assertThat(s.box().contains(x, y)).isTrue();
            assertThat(s.gradient(x, y, g)).isCloseTo(m.value(), within(1e-12 * (1 + Math.abs(m.value()))));
            assertThat(Math.hypot(g[0], g[1])).as("‖∇f‖ at %s", m).isLessThan(1e-6);
            for (int k = 0; k < 8; k++) {
                double a = k * Math.PI / 4;
                assertThat(s.value(x + 1e-3 * Math.cos(a), y + 1e-3 * Math.sin(a))).isGreaterThan(m.value());
            }
            assertThat(m.value()).as("minima sorted by value").isGreaterThanOrEqualTo(previous);
            previous = m.value();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void theStartIsInsideTheBoxAndNotStationary(Surface s) {
        double[] g = new double[2];
        assertThat(s.box().contains(s.start().x(), s.start().y())).isTrue();
        s.gradient(s.start().x(), s.start().y(), g);
        assertThat(Math.hypot(g[0], g[1])).isGreaterThan(1e-3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void theGlobalMinimumIsTheLowestValueInTheBoxAndTheSearchFindsIt(Surface s) {
        if (s.unboundedBelow()) {
            return;
        }
        double fStar = s.fStar(s.box());
        assertThat(s.box().minimumOf(s)).isGreaterThanOrEqualTo(fStar - 1e-12);
        List<Minimum> found = MinimumSearch.find(s::gradient, s.box());
        assertThat(found.getFirst().value()).isCloseTo(fStar, within(1e-8 * (1 + Math.abs(fStar))));
        assertThat(s.minima().stream().mapToDouble(m -> m.at().distanceTo(found.getFirst().at())).min().orElseThrow())
                .isLessThan(1e-6);
    }

    @Test
    void fStarAsTheReferenceStatesIt() {
        Map<String, Double> expected = Map.ofEntries(Map.entry("rosenbrock", 0.0), Map.entry("beale", 0.0),
                Map.entry("himmelblau", 0.0), Map.entry("booth", 0.0), Map.entry("rastrigin", 0.0),
                Map.entry("ackley", 0.0), Map.entry("goldstein-price", 3.0), Map.entry("six-hump-camel", -1.031628),
                Map.entry("styblinski-tang", -78.33233), Map.entry("ravine", 0.0), Map.entry("two-wells", -1.70604),
                Map.entry("linreg", 0.0), Map.entry("sparse", 0.110997), Map.entry("saddle", -4.0),
                Map.entry("monkey-saddle", -16.0));
        catalogue().forEach(s -> assertThat(s.fStar(s.box())).as(s.id())
                .isCloseTo(expected.get(s.id()), within(1e-5)));
    }

    @Test
    void referenceMinimaLocations() {
        assertThat(Surfaces.get("himmelblau").minima()).hasSize(4).allSatisfy(m -> assertThat(m.value()).isZero());
        assertThat(Surfaces.get("six-hump-camel").minima().getFirst().at().x()).isCloseTo(0.0898, within(1e-4));
        assertThat(Surfaces.get("six-hump-camel").minima().getFirst().at().y()).isCloseTo(-0.7126, within(1e-4));
        assertThat(Surfaces.get("styblinski-tang").minima().getFirst().at().x()).isCloseTo(-2.903534, within(1e-6));
        assertThat(Surfaces.get("goldstein-price").minima().getFirst()).isEqualTo(new Minimum(0, -1, 3));
    }

    @Test
    void aFittedLinesParametersAreNamedAAndBEveryOtherSurfacesXAndY() {
        catalogue().forEach(s -> {
            boolean fit = s.dataRows() > 0;
            assertThat(s.xName()).as(s.id()).isEqualTo(fit ? "a" : "x");
            assertThat(s.yName()).as(s.id()).isEqualTo(fit ? "b" : "y");
        });
        assertThat(Surfaces.get("linreg").xName()).isEqualTo("a");
        assertThat(Surfaces.get("sparse").yName()).isEqualTo("b");
    }

    @Test
    void saddlesAreUnboundedBelowWithoutMinima() {
        for (String id : List.of("saddle", "monkey-saddle")) {
            Surface s = Surfaces.get(id);
            assertThat(s.minima()).isEmpty();
            assertThat(s.unboundedBelow()).isTrue();
        }
        assertThat(Surfaces.get("rosenbrock").unboundedBelow()).isFalse();
    }

    @Test
    void twoWellsHasADeepGlobalAndAShallowLocalWellThatTheDefaultStartFallsInto() {
        Surface s = Surfaces.get("two-wells");
        assertThat(s.minima()).hasSize(2);
        assertThat(s.minima().get(1).value() - s.minima().get(0).value()).isGreaterThan(0.9);
        // small-step gradient descent from the default start
        double x = s.start().x();
        double y = s.start().y();
        double[] g = new double[2];
        for (int t = 0; t < 20_000; t++) {
            s.gradient(x, y, g);
            x -= 0.01 * g[0];
            y -= 0.01 * g[1];
        }
        assertThat(new Point(x, y).distanceTo(s.minima().get(1).at())).isLessThan(1e-6);
    }

    @Test
    void ravineTakesKappaWithinItsDeclaredRange() {
        Method<Surface> ravine = Surfaces.byId("ravine").orElseThrow();
        assertThat(ravine.params()).containsExactly(Ravine.KAPPA);
        assertThat(Surfaces.get("ravine")).isEqualTo(new Ravine(50));
        Surface steep = ravine.create(Values.of(ravine.params(), Map.of("kappa", 1e4), Param.Context.NONE));
        double[] g = new double[2];
        steep.gradient(1, 1, g);
        assertThat(g).containsExactly(1, 1e4);
        assertThatThrownBy(() -> Values.of(ravine.params(), Map.of("kappa", 0.5), Param.Context.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kappa");
        assertThatThrownBy(() -> new Ravine(2e4)).hasMessageContaining("kappa");
    }

    @Test
    void theBoxMinimumIgnoresPointsWhereTheSurfaceIsUndefined() {
        Surface log = Surfaces.custom("log(x) + y^2", Box.square(2));
        assertThat(log.fStar(new Box(-1, 1, -1, 1))).isCloseTo(Math.log(0.005), within(1e-9));
    }
}
