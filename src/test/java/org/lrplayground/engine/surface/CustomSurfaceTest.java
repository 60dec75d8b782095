package org.lrplayground.engine.surface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.run.RunSpec;

class CustomSurfaceTest {

    private static final Box BOX = Surfaces.CUSTOM_BOX;

    @Test
    void aShiftedBowlHasItsOneMinimumWhereExpected() {
        Surface s = Surfaces.custom("(x-1)^2+(y+2)^2", BOX);
        assertThat(s.minima()).hasSize(1);
        Minimum m = s.minima().getFirst();
        assertThat(m.at().x()).isCloseTo(1, within(1e-9));
        assertThat(m.at().y()).isCloseTo(-2, within(1e-9));
        assertThat(m.value()).isCloseTo(0, within(1e-15));
        assertThat(s.unboundedBelow()).isFalse();
        assertThat(s.fStar(BOX)).isCloseTo(0, within(1e-15));
        assertThat(s.id()).isEqualTo("custom");
        assertThat(s.formula()).isEqualTo("(x-1)^2+(y+2)^2");
        // the default start: the quarter point farthest from (1, −2)
        assertThat(s.start()).isEqualTo(new Point(-2.5, 2.5));
    }

    @Test
    void aPoleIsNoMinimum() {
        // Just left of 0, 1/x is lower than everything on a small circle that reaches across the pole.
        Surface s = Surfaces.custom("1/x", BOX);

        assertThat(s.minima()).isEmpty();
        assertThat(s.unboundedBelow()).isTrue();
    }

    @Test
    void aRunAwayFromAPoleLeavesTheBoxSayingThereIsNoMinimumToConvergeTo() {
        RunSpec spec = RunFormat.parse("surface=custom&f=1/x&start=0.1,0&steps=5000&run=sgd:lr=0.01");

        org.lrplayground.engine.run.RunStatus status = org.lrplayground.engine.run.Race.run(spec).status(0);

        assertThat(status.kind()).isEqualTo(org.lrplayground.engine.run.RunStatus.Kind.LEFT_BOX);
        assertThat(status.cause()).isEqualTo(org.lrplayground.engine.run.RunStatus.Cause.NO_MINIMUM);
        assertThat(status.step()).isBetween(4000, 4200);
        assertThat(status.reason()).isEqualTo("left the box at step " + status.step() + ": this surface has no minimum"
                + " in the box, so there is nothing for the run to converge to. Its lowest values lie at an edge or a"
                + " pole, where the loss has no bottom.");
    }

    @Test
    void rosenbrockTypedInFindsTheBananasMinimumToFullPrecision() {
        Surface s = Surfaces.custom("(1 - x)^2 + 100*(y - x^2)^2", new Rosenbrock().box());
        assertThat(s.minima()).hasSize(1);
        assertThat(s.minima().getFirst().at().distanceTo(new Point(1, 1))).isLessThan(1e-8);
        double[] g = new double[2];
        double[] exact = new double[2];
        s.gradient(-1.2, 0.7, g);
        new Rosenbrock().gradient(-1.2, 0.7, exact);
        assertThat(g[0]).isCloseTo(exact[0], within(1e-12));
        assertThat(g[1]).isCloseTo(exact[1], within(1e-12));
    }

    @Test
    void himmelblauTypedInHasFourStationaryMinima() {
        Surface s = Surfaces.custom("(x^2 + y - 11)^2 + (x + y^2 - 7)^2", BOX);
        assertThat(s.minima()).hasSize(4);
        double[] g = new double[2];
        for (Minimum m : s.minima()) {
            assertThat(m.value()).isCloseTo(0, within(1e-12));
            s.gradient(m.at().x(), m.at().y(), g);
            assertThat(Math.hypot(g[0], g[1])).isLessThan(1e-6);
            assertThat(new Himmelblau().minima().stream().mapToDouble(k -> k.at().distanceTo(m.at())).min().orElseThrow())
                    .isLessThan(1e-8);
        }
    }

    @Test
    void localMinimaAreListedBestFirst() {
        Surface s = Surfaces.custom("0.5*(x^4 - 16*x^2 + 5*x + y^4 - 16*y^2 + 5*y)", BOX);
        assertThat(s.minima()).hasSize(4);
        assertThat(s.minima()).usingRecursiveFieldByFieldElementComparator()
                .isSortedAccordingTo(java.util.Comparator.comparingDouble(Minimum::value));
        assertThat(s.minima().getFirst().value()).isCloseTo(-78.33233140754284, within(1e-10));
    }

    @Test
    void aKinkedMinimumCounts() {
        Surface s = Surfaces.custom("abs(x) + 2*abs(y - 1)", BOX);
        assertThat(s.minima()).containsExactly(new Minimum(0, 1, 0));
        Surface cone = Surfaces.custom("sqrt((x - 0.33)^2 + (y + 0.27)^2)", BOX);
        assertThat(cone.minima()).hasSize(1);
        assertThat(cone.minima().getFirst().at().distanceTo(new Point(0.33, -0.27))).isLessThan(1e-6);
        Surface cusp = Surfaces.custom("sqrt(abs(x - 0.33)) + y^2", BOX);
        assertThat(cusp.minima()).hasSize(1);
        assertThat(cusp.minima().getFirst().at().distanceTo(new Point(0.33, 0))).isLessThan(1e-6);
    }

    @Test
    void withoutAnInteriorMinimumTheSurfaceIsUnboundedBelowAndFStarIsTheBoxMinimum() {
        Surface saddle = Surfaces.custom("x^2 - y^2", BOX);
        assertThat(saddle.minima()).isEmpty();
        assertThat(saddle.unboundedBelow()).isTrue();
        assertThat(saddle.fStar(BOX)).isEqualTo(-25);
        assertThat(Surfaces.custom("x + y", BOX).minima()).isEmpty();
        // the minimum of (x − 10)² lies outside the box
        assertThat(Surfaces.custom("(x - 10)^2 + y^2", BOX).unboundedBelow()).isTrue();
    }

    @Test
    void fStarIsNeverAboveTheBoxMinimum() {
        // a local minimum 0 at the origin, but the quartic falls below it towards the edges
        Surface s = Surfaces.custom("x^2 + y^2 - 0.1*x^4", BOX);
        assertThat(s.minima()).containsExactly(new Minimum(0, 0, 0));
        assertThat(s.fStar(BOX)).isEqualTo(25 - 62.5);
    }

    @Test
    void equalityIsSourceTextAndBox() {
        assertThat(Surfaces.custom("x^2 + y^2", BOX)).isEqualTo(Surfaces.custom("x^2 + y^2", Box.square(5)))
                .hasSameHashCodeAs(Surfaces.custom("x^2 + y^2", Box.square(5)))
                .isNotEqualTo(Surfaces.custom("x^2+y^2", BOX))
                .isNotEqualTo(Surfaces.custom("x^2 + y^2", Box.square(4)));
        assertThat(Surfaces.source(Surfaces.custom("x^2 + y^2", BOX))).isEqualTo("x^2 + y^2");
        assertThatThrownBy(() -> Surfaces.source(new Rosenbrock())).hasMessageContaining("not a custom surface");
    }

    @Test
    void aRunSpecSurvivesTheRunFormatRoundTrip() {
        RunSpec spec = RunFormat.parse("surface=custom&f=" + java.net.URLEncoder.encode("sin(x) + (y/2)^2",
                java.nio.charset.StandardCharsets.UTF_8) + "&box=-4,4,-3,3&run=sgd");
        assertThat(RunFormat.parse(RunFormat.format(spec))).isEqualTo(spec);
    }

    @Test
    void syntaxErrorsAndOverlongTextAreRejected() {
        assertThatThrownBy(() -> Surfaces.custom("x + (y*)", BOX)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("position 8");
        assertThatThrownBy(() -> Surfaces.custom("x".repeat(501), BOX)).hasMessageContaining("at most 500");
    }

    @Test
    void aSharedSurfaceGivesTheSameValuesOnManyThreads() throws Exception {
        Surface s = Surfaces.custom("sin(3*x) * cos(2*y) + (x^2 + y^2) / 10", BOX);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Double>> sums = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                sums.add(pool.submit(() -> {
                    Surface.Sampler sampler = s.sampler(new SplittableRandom(1), 1);
                    double[] g = new double[2];
                    double sum = 0;
                    for (int i = 0; i < 20_000; i++) {
                        double x = -5 + i * 5e-4;
                        sum += s.value(x, -x) + s.gradient(x, x, g) + g[0] + sampler.sample(x, 1, g) + g[1];
                    }
                    return sum;
                }));
            }
            double first = sums.getFirst().get();
            for (Future<Double> sum : sums) {
                assertThat(sum.get()).isEqualTo(first);
            }
        } finally {
            pool.shutdown();
        }
    }
}
