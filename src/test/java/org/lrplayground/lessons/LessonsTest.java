package org.lrplayground.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.lrplayground.engine.format.FormatException;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.analysis.Basins;
import org.lrplayground.engine.analysis.Restarts;
import org.lrplayground.engine.analysis.Tuning;
import org.lrplayground.engine.run.Race;
import org.lrplayground.link.PageLink;
import org.lrplayground.engine.run.RunConfig;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.engine.run.RunStatus;
import org.lrplayground.engine.run.Trajectory;
import org.lrplayground.engine.surface.Minimum;

/** The catalogue is well formed, and every lesson's claim holds when its preset runs through the engine. */
class LessonsTest {

    static final List<Lesson> LESSONS = Lessons.ALL;

    // ---- the catalogue --------------------------------------------------------------------------

    @Test
    void fifteenLessonsNumberedInTeachingOrderWithUniqueIds() {
        assertThat(LESSONS).extracting(Lesson::id).containsExactly("too-small-too-large", "momentum",
                "adagrad-shrinks", "rmsprop-recovers", "adam-bias-correction", "eve", "banana-valley", "warm-restarts",
                "himmelblau-starts", "spreadsheet", "error-following", "infrequent-parameters", "adagrad-steps", "how-local",
                "fair-race");
        assertThat(LESSONS).extracting(Lesson::number).containsExactlyElementsOf(IntStream.rangeClosed(1, 15).boxed().toList());
        LESSONS.forEach(l -> assertThat(Lessons.byId(l.id())).contains(l));
        assertThat(Lessons.byId("no-such-lesson")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("LESSONS")
    void thePresetParsesRoundTripsAndStaysSmall(Lesson lesson) {
        RunSpec spec = lesson.spec();
        assertThat(RunFormat.parse(RunFormat.format(spec))).isEqualTo(spec);
        assertThat(spec.runs()).hasSizeBetween(1, 4);
        assertThat(spec.steps()).isLessThanOrEqualTo(5000);
        List<String> labels = spec.runs().stream().map(RunConfig::label).toList();
        assertThat(new HashSet<>(labels)).as("labels tell the runs apart").hasSameSizeAs(labels);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("LESSONS")
    void theExplanationIsShortPlainMarkdownQuotingItsSource(Lesson lesson) {
        String text = lesson.explanation();
        assertThat(text.strip().split("\\s+").length).as("words").isBetween(80, 200);
        assertThat(text).as("quotes a seed document").contains("*\"");
        assertThat(text).as("no stray escapes").doesNotContain("\\");
        lesson.variants().forEach(v -> assertThat(text).as("names its button").contains("**" + v.label() + "**"));
    }

    @Test
    void aLessonIsValidatedWhereItIsMade() {
        assertThatThrownBy(() -> new Lesson("Bad Id", 1, "t", "c", "e", "run=sgd"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lower-case");
        assertThatThrownBy(() -> new Lesson("ok", 0, "t", "c", "e", "run=sgd")).hasMessageContaining("number");
        assertThatThrownBy(() -> new Lesson("ok", 1, "t", " ", "e", "run=sgd")).hasMessageContaining("claim");
        assertThatThrownBy(() -> new Lesson("ok", 1, "t", "c", "e", "run=sgd:lr=-1"))
                .isInstanceOf(FormatException.class).hasMessageContaining("lr");
        assertThatThrownBy(() -> new Lesson.Variant("On Booth", "surface=boot&run=sgd"))
                .isInstanceOf(FormatException.class).hasMessageContaining("boot");
        assertThatThrownBy(() -> new Lesson.Variant(" ", "run=sgd")).hasMessageContaining("label");
    }

    // ---- the claims -----------------------------------------------------------------------------

    @Test
    void lesson1_tooSmallCrawlsTheBestRateBouncesButConvergesTooLargeDiverges() {
        Race race = run("too-small-too-large");
        double kappa = 50;
        assertThat(lr(race, 1) * kappa).isLessThan(2).isCloseTo(2 * kappa / (1 + kappa), within(1e-3));
        assertThat(lr(race, 2) * kappa).isGreaterThan(2);

        assertThat(race.distanceToNearestMinimum(0)).as("crawler").isGreaterThan(1);
        assertThat(race.distanceToNearestMinimum(1)).as("best rate").isLessThan(1e-3);
        Trajectory best = race.trajectory(1);
        for (int t = 1; t < 50; t++) {
            assertThat(best.y(t) * best.y(t - 1)).as("y changes sign at step %d", t).isNegative();
        }
        assertThat(race.status(2).kind()).isEqualTo(RunStatus.Kind.DIVERGED);
    }

    @Test
    void lesson2_pytorchMomentumRacesAlongTheRavineTheMovingAverageDoesNot() {
        Race race = run("momentum");
        double sgd = race.distanceToNearestMinimum(0);
        double pytorch = race.distanceToNearestMinimum(1);
        double ewma = race.distanceToNearestMinimum(2);
        assertThat(sgd).isGreaterThan(1);
        assertThat(pytorch).isLessThan(sgd / 1000);
        assertThat(ewma).isBetween(sgd / 1.5, sgd * 1.5);
    }

    @Test
    void lesson2_theMovingAverageAtLrIsPytorchMomentumAtLrTimesOneMinusMu() {
        Race race = run("momentum", "run=momentum:lr=0.003", "run=momentum:lr=0.0003");
        Trajectory pytorch = race.trajectory(1);
        Trajectory ewma = race.trajectory(2);
        for (int t = 0; t < ewma.size(); t++) {
            assertThat(ewma.x(t)).isCloseTo(pytorch.x(t), within(1e-12));
            assertThat(ewma.y(t)).isCloseTo(pytorch.y(t), within(1e-12));
        }
    }

    @Test
    void lesson2_onTheSaddleOnlyPytorchMomentumRollsOff() {
        Race race = variant("momentum", "On the saddle");
        assertThat(race.status(1).kind()).isEqualTo(RunStatus.Kind.LEFT_BOX);
        assertThat(race.status(1).step()).isEqualTo(184);
        for (int run : new int[] {0, 2}) {
            assertThat(race.status(run).kind()).isEqualTo(RunStatus.Kind.MAX_STEPS);
            assertThat(Math.abs(race.trajectory(run).y(last(race, run)))).as("still next to the saddle point")
                    .isLessThan(0.01);
        }
    }

    @Test
    void lesson3_adagradsRateNeverRisesAndItStallsWhereRmsPropGetsClose() {
        Race race = run("adagrad-shrinks");
        Trajectory adagrad = race.trajectory(0);
        Trajectory rmsprop = race.trajectory(1);
        // the same first step, but for their different ε
        assertThat(rmsprop.x(1)).isCloseTo(adagrad.x(1), within(1e-9));
        assertThat(rmsprop.y(1)).isCloseTo(adagrad.y(1), within(1e-9));
        for (int t = 2; t < adagrad.size(); t++) {
            assertThat(adagrad.lrX(t)).as("Adagrad's x rate at step %d", t).isLessThanOrEqualTo(adagrad.lrX(t - 1));
            assertThat(adagrad.lrY(t)).as("Adagrad's y rate at step %d", t).isLessThanOrEqualTo(adagrad.lrY(t - 1));
        }
        assertThat(race.distanceToNearestMinimum(0)).isGreaterThan(1);
        assertThat(race.distanceToNearestMinimum(1)).isLessThan(0.05);
    }

    @Test
    void lesson4_rmspropsRateFallsThenClimbsMoreThanFiftyfold() {
        Race race = run("rmsprop-recovers");
        Trajectory rmsprop = race.trajectory(0);
        int last = rmsprop.size() - 1;
        int lowest = lowestRateX(rmsprop);
        assertThat(rmsprop.lrX(lowest)).as("it falls first").isLessThan(0.8 * rmsprop.lrX(1));
        assertThat(lowest).isBetween(2, last / 4);
        assertThat(rmsprop.lrX(last)).as("then climbs").isGreaterThan(50 * rmsprop.lrX(lowest));
        Trajectory adagrad = race.trajectory(1);
        assertThat(adagrad.lrX(adagrad.size() - 1)).isEqualTo(adagrad.lrX(lowestRateX(adagrad)));
        assertThat(race.distanceToNearestMinimum(1)).isGreaterThan(10 * race.distanceToNearestMinimum(0));
    }

    @Test
    void lesson4_onBoothRmspropKeepsHoppingWhileAdagradSettles() {
        Race race = variant("rmsprop-recovers", "On Booth");
        Trajectory rmsprop = race.trajectory(0);
        assertThat(rmsprop.lrX(rmsprop.size() - 1)).isGreaterThan(10 * rmsprop.lrX(lowestRateX(rmsprop)));
        assertThat(race.distanceToNearestMinimum(0)).isGreaterThan(1e3 * race.distanceToNearestMinimum(1));
    }

    @Test
    void lesson5_withoutBiasCorrectionTheFirstStepIsAboutThreeTimesLarger() {
        Race race = run("adam-bias-correction");
        RunSpec spec = race.spec();
        double beta1 = 0.9;
        double beta2 = 0.999;
        double lr = lr(race, 0);
        Trajectory corrected = race.trajectory(0);
        Trajectory uncorrected = race.trajectory(1);
        double x0 = spec.start().x();
        double y0 = spec.start().y();
        assertThat(Math.abs(corrected.x(1) - x0)).as("corrected: exactly lr").isCloseTo(lr, within(1e-9));
        assertThat(Math.abs(corrected.y(1) - y0)).isCloseTo(lr, within(1e-9));
        double ratio = (1 - beta1) / Math.sqrt(1 - beta2);
        assertThat(ratio).isCloseTo(3.162, within(1e-3));
        assertThat(Math.abs(uncorrected.x(1) - x0) / Math.abs(corrected.x(1) - x0)).isCloseTo(ratio, within(1e-6));
        assertThat(Math.abs(uncorrected.y(1) - y0) / Math.abs(corrected.y(1) - y0)).isCloseTo(ratio, within(1e-6));
        assertThat(uncorrected.lrX(1) / corrected.lrX(1)).isCloseTo(1 / Math.sqrt(1 - beta2), within(1e-4));
        assertThat(race.distanceToNearestMinimum(0)).isLessThan(0.05);
        assertThat(race.distanceToNearestMinimum(1)).isLessThan(0.05);
    }

    @Test
    void lesson6_evesRateIsAdamsDividedByDWhichStaysWithinItsBounds() {
        Lesson eve = lesson("eve");
        Race race = new Race(eve.spec());
        double lr = lr(race, 1);
        double beta2 = 0.999;
        double eps = 1e-8;
        Trajectory trajectory = race.trajectory(1);
        double d = Double.NaN;
        while (!race.status(1).finished()) {
            race.advance(1);
            int t = trajectory.size() - 1;
            Map<String, double[]> state = race.optimizerState(1);
            d = state.get("d")[0];
            assertThat(d).as("d at step %d", t).isBetween(0.1, 10.0);
            for (int i = 0; i < 2; i++) {
                double vHat = state.get("v")[i] / (1 - Math.pow(beta2, t));
                double adams = lr / (Math.sqrt(vHat) + eps);
                double eves = i == 0 ? trajectory.lrX(t) : trajectory.lrY(t);
                assertThat(eves).as("Eve's rate at step %d", t).isCloseTo(adams / d, within(1e-6 * adams / d));
            }
        }
        assertThat(d).as("d sinks while the loss falls smoothly").isBetween(0.15, 0.3);
        assertThat(race.distanceToNearestMinimum(1)).isLessThan(1e-6);
        assertThat(race.distanceToNearestMinimum(0)).isGreaterThan(5e-3);
    }

    @Test
    void lesson6_withNoisyGradientsEvesLeadIsGone() {
        String noisy = lesson("eve").variants().getFirst().preset();
        double adam = 0;
        double eve = 0;
        for (int seed = 0; seed < 3; seed++) {
            Race race = Race.run(PageLink.spec(noisy.replace("seed=0", "seed=" + seed)));
            assertThat(race.distanceToNearestMinimum(0)).as("Adam, seed %d", seed).isBetween(0.004, 0.07);
            assertThat(race.distanceToNearestMinimum(1)).as("Eve, seed %d", seed).isBetween(0.004, 0.07);
            adam += race.distanceToNearestMinimum(0);
            eve += race.distanceToNearestMinimum(1);
        }
        assertThat(eve).as("Eve is on average no closer than Adam").isGreaterThanOrEqualTo(adam);
    }

    @Test
    void lesson7_errorProportionalAnnealingStallsInTheValleyWhileAdamReachesTheMinimum() {
        Race race = run("banana-valley");
        Trajectory annealed = race.trajectory(1);
        int last = annealed.size() - 1;
        double start = annealed.loss(0);
        assertThat(annealed.loss(3)).as("catapulted: the loss climbs to 511").isCloseTo(511, within(0.5));
        assertThat(annealed.x(4)).as("… and lands across the plot").isGreaterThan(1);
        assertThat(annealed.loss(4)).as("… in the valley").isLessThan(0.2 * start);
        assertThat(annealed.loss(last)).as("a low error …").isLessThan(0.01 * start);
        assertThat(annealed.lrX(last)).as("… and a rate shrunk with it").isLessThan(0.01 * lr(race, 1));
        assertThat(race.distanceToNearestMinimum(1)).as("… far from the minimum").isGreaterThan(0.5);
        assertThat(race.distanceToNearestMinimum(0)).as("constant SGD").isLessThan(0.01);
        assertThat(race.distanceToNearestMinimum(2)).as("Adam").isLessThan(1e-4);
    }

    @Test
    void lesson7_notOnAKnifeEdge() {
        for (String lr : List.of("0.001", "0.0015")) {
            Race race = run("banana-valley", "sgd:lr=0.002,sched", "sgd:lr=" + lr + ",sched");
            assertThat(race.distanceToNearestMinimum(1)).as("lr = %s", lr).isGreaterThan(1);
        }
    }

    @Test
    void lesson8_aWarmRestartThrowsTheRunOutOfTheSharpWellIntoTheDeepOne() {
        assertWarmRestartsEscape(run("warm-restarts"));
    }

    @Test
    void lesson8_notOnAKnifeEdge() {
        for (String lr : List.of("0.8", "1.2")) {
            assertWarmRestartsEscape(run("warm-restarts", "lr=0.9,", "lr=" + lr + ","));
        }
    }

    private static void assertWarmRestartsEscape(Race race) {
        List<Minimum> minima = race.spec().surface().minima();
        Minimum deep = minima.get(0);
        Minimum shallow = minima.stream().filter(m -> m.at().x() < 0).findFirst().orElseThrow();
        assertThat(deep.value()).isLessThan(shallow.value() - 0.5);
        assertThat(distance(race.trajectory(0), last(race, 0), shallow)).as("constant rate").isLessThan(1e-6);
        Trajectory restarts = race.trajectory(1);
        assertThat(distance(restarts, 20, shallow)).as("at the end of the first cycle").isLessThan(0.05);
        assertThat(distance(restarts, last(race, 1), deep)).as("at the end").isLessThan(1e-6);
    }

    @Test
    void lesson9_fourStartsFindFourMinima() {
        assertFourMinima(run("himmelblau-starts"));
    }

    @Test
    void lesson9_notOnAKnifeEdge() {
        assertFourMinima(run("himmelblau-starts", "start=1,1", "start=1.2,0.8"));
        assertFourMinima(run("himmelblau-starts", "x0=-1,y0=-1", "x0=-0.8,y0=-1.2"));
    }

    @Test
    void lesson14_theGlobalMinimaHoldAboutHalfOfTheBoxForSgdAndMoreWithMomentum() {
        RunSpec spec = Lessons.byId("how-local").orElseThrow().spec();
        Basins sgd = Basins.of(spec, 0, LessonFigures.BASIN_GRID);
        Basins momentum = Basins.of(spec, 1, LessonFigures.BASIN_GRID);

        assertThat(sgd.minima()).as("six minima in the box").hasSize(6);
        assertThat(LessonFigures.settled(sgd)).as("every SGD start settles").isEqualTo(1.0);
        assertThat(LessonFigures.globalShare(sgd, spec)).as("the claim's 49 %").isBetween(0.485, 0.495);
        assertThat(LessonFigures.globalShare(momentum, spec)).as("the claim's 63 %").isBetween(0.625, 0.64);
        assertThat(1 - LessonFigures.settled(momentum)).as("6 % unsettled").isBetween(0.055, 0.07);
    }

    @Test
    void lesson14_fourRandomStartsFindAGlobalMinimumNineTimesInTenAndWarmRestartsStayLocal() {
        RunSpec spec = Lessons.byId("how-local").orElseThrow().spec();
        List<Restarts.Tries> tries = Restarts.of(spec, 0, 20);
        double localGap = -0.2155 - spec.surface().fStar(spec.box());

        assertThat(tries.subList(0, 3)).as("three starts can all miss, 1 time in 10")
                .allSatisfy(t -> assertThat(t.randomStarts90()).isGreaterThan(localGap - 0.001));
        assertThat(tries.get(3).randomStarts90()).as("four starts reach f*").isLessThan(1e-9);
        assertThat(tries).as("warm restarts stay local").allSatisfy(t -> assertThat(t.warmRestarts()).isCloseTo(localGap, within(0.001)));
    }

    @Test
    void lesson15_atTheDefaultRatesAdamIsLastAndTunedItIsLevelWithMomentum() {
        Lesson lesson = Lessons.byId("fair-race").orElseThrow();
        RunSpec spec = lesson.spec();
        assertThat(spec.runs()).extracting(r -> r.optimizer().instance().lr()).as("the default rates").containsExactly(0.01, 0.01, 0.001);
        Race defaults = Race.run(spec);

        assertThat(defaults.status(1).kind()).isEqualTo(RunStatus.Kind.CONVERGED);
        assertThat(defaults.status(1).step()).as("momentum: step 379").isEqualTo(379);
        assertThat(gap(defaults, 0)).as("SGD: 0.00013").isBetween(1.25e-4, 1.35e-4);
        assertThat(gap(defaults, 2)).as("Adam: 9.9, last").isBetween(9.85, 9.95);

        List<Tuning.Tuned> tuning = Tuning.of(spec, Tuning.Settings.DEFAULT);
        assertThat(tuning).extracting(t -> t.lr().best()).as("best rates").containsExactly(0.0316, 0.01, 0.1);
        assertThat(Tuning.tail(spec.steps())).as("the last 50 steps").isEqualTo(50);
        assertThat(Tuning.Settings.DEFAULT.grid()).isEqualTo(25);
        assertThat(Tuning.Settings.DEFAULT.starts()).isEqualTo(4);
        RunSpec tunedSpec = LessonFigures.tuned(spec);
        assertThat(RunFormat.format(tunedSpec)).as("the Tuned variant").isEqualTo(RunFormat.format(lesson.variants().getFirst().spec()));
        Race tuned = Race.run(tunedSpec);
        assertThat(tuned.status(2).kind()).isEqualTo(RunStatus.Kind.CONVERGED);
        assertThat(tuned.status(2).step()).as("Adam: step 373").isEqualTo(373);
        assertThat(tuned.status(1).step()).as("momentum: still 379").isEqualTo(379);
        assertThat(tuned.status(0).kind()).as("SGD has not converged").isEqualTo(RunStatus.Kind.MAX_STEPS);
        assertThat(gap(tuned, 0)).as("SGD: 3.5e-14, now last").isBetween(3.45e-14, 3.55e-14)
                .isGreaterThan(gap(tuned, 1)).isGreaterThan(gap(tuned, 2));
        assertThat(tuning.getFirst().lr().best()).as("just below 2/κ").isLessThan(0.04);
    }

    /** f − f* at a run's last point. */
    private static double gap(Race race, int run) {
        Trajectory t = race.trajectory(run);
        return t.loss(t.size() - 1) - race.fStar();
    }

    private static void assertFourMinima(Race race) {
        Set<Minimum> found = new HashSet<>();
        for (int run = 0; run < race.size(); run++) {
            assertThat(race.status(run).kind()).isEqualTo(RunStatus.Kind.CONVERGED);
            Trajectory t = race.trajectory(run);
            int end = last(race, run);
            found.add(race.spec().surface().minima().stream()
                    .filter(m -> distance(t, end, m) < 1e-6).findFirst().orElseThrow());
        }
        assertThat(found).containsExactlyInAnyOrderElementsOf(race.spec().surface().minima());
    }

    @Test
    void lesson10_afterFiveEpochsAdamsInterceptIsFarAheadAndAnnealingSettlesIt() {
        Race race = run("spreadsheet");
        int fiveEpochs = 150;
        assertThat(race.trajectory(0).y(fiveEpochs)).as("SGD's b").isLessThan(5);
        assertThat(race.trajectory(1).y(fiveEpochs)).as("moving-average momentum's b").isLessThan(5);
        assertThat(race.trajectory(2).y(fiveEpochs)).as("Adam's b").isBetween(15.0, 30.0);
        assertThat(race.distanceToNearestMinimum(0)).as("SGD after 50 epochs").isGreaterThan(20);
        double constant = race.distanceToNearestMinimum(2);
        double annealed = race.distanceToNearestMinimum(3);
        assertThat(annealed).isLessThan(constant / 100);
    }

    @Test
    void lesson10_notOnAKnifeEdge() {
        for (int seed = 1; seed <= 5; seed++) {
            Race race = run("spreadsheet", "seed=0", "seed=" + seed);
            assertThat(race.trajectory(2).y(150) - race.trajectory(0).y(150)).as("seed %d", seed).isGreaterThan(15);
            assertThat(race.distanceToNearestMinimum(3)).as("seed %d", seed).isLessThan(race.distanceToNearestMinimum(2));
        }
    }

    @Test
    void lesson11_polyakConvergesFastHypergradientLearnsItsRateATooLargeHyperLrDiverges() {
        Race race = run("error-following");
        assertThat(race.status(0).kind()).isEqualTo(RunStatus.Kind.CONVERGED);
        assertThat(race.status(0).step()).isLessThan(100);
        assertThat(race.status(1).kind()).isEqualTo(RunStatus.Kind.CONVERGED);
        double alpha = race.optimizerState(1).get("alpha")[0];
        assertThat(alpha).as("the learned rate").isGreaterThan(10 * lr(race, 1));
        assertThat(race.status(2).kind()).isEqualTo(RunStatus.Kind.DIVERGED);
        assertThat(race.status(2).step()).isEqualTo(4);
        assertThat(race.status(3).kind()).as("Adam").isEqualTo(RunStatus.Kind.MAX_STEPS);
        Trajectory adam = race.trajectory(3);
        double polyakLoss = race.trajectory(0).loss(last(race, 0));
        assertThat(adam.loss(last(race, 3))).isGreaterThan(100 * polyakLoss);
    }

    @Test
    void lesson13_adagradsFirstStepIsLrWhateverTheGradientAndItConvergesAlikeOnASteeperRavine() {
        Race race = run("adagrad-steps");
        Trajectory adagrad = race.trajectory(1);
        double[] g = new double[2];
        race.spec().surface().gradient(-2.5, 1, g);
        assertThat(g[1] / -g[0]).as("y's gradient over x's at the start").isEqualTo(20);
        assertThat(adagrad.x(1) - adagrad.x(0)).isCloseTo(0.5, within(1e-9));
        assertThat(adagrad.y(0) - adagrad.y(1)).isCloseTo(0.5, within(1e-9));
        assertThat(race.status(1).kind()).isEqualTo(RunStatus.Kind.CONVERGED);
        assertThat(race.status(1).step()).isEqualTo(172);
        int last = last(race, 1);
        assertThat(adagrad.lrX(last) / adagrad.lrY(last)).as("x's rate over y's").isBetween(10.0, 14.0);
        assertThat(lr(race, 0)).isCloseTo(2 / (1 + 50.0), within(1e-4));
        assertThat(race.status(0).kind()).isEqualTo(RunStatus.Kind.MAX_STEPS);
        assertThat(race.distanceToNearestMinimum(0)).isBetween(5e-4, 1.5e-3);

        Race steeper = variant("adagrad-steps", "Ten times steeper");
        assertThat(lr(steeper, 0)).isCloseTo(2 / (1 + 500.0), within(1e-5));
        assertThat(steeper.status(1).kind()).isEqualTo(RunStatus.Kind.CONVERGED);
        assertThat(steeper.status(1).step()).isEqualTo(172);
        assertThat(steeper.distanceToNearestMinimum(0)).isBetween(1.0, 1.4);
    }

    @Test
    void lesson12_adagradGivesTheRareParameterTheLargerRate() {
        Race race = run("infrequent-parameters");
        assertThat(race.spec().surface().dataRows()).isEqualTo(50);
        Trajectory adagrad = race.trajectory(0);
        int last = adagrad.size() - 1;
        assertThat(adagrad.lrY(last)).isGreaterThan(2.5 * adagrad.lrX(last));
        double[] sums = race.optimizerState(0).get("G");
        assertThat(sums[0]).as("a's squared gradients add up faster").isGreaterThan(6 * sums[1]);
        Trajectory sgd = race.trajectory(1);
        assertThat(sgd.lrY(last)).isEqualTo(sgd.lrX(last));
    }

    @Test
    void lesson12_notOnAKnifeEdge() {
        for (int seed = 1; seed <= 5; seed++) {
            Race race = run("infrequent-parameters", "steps=2000", "steps=2000&seed=" + seed);
            Trajectory adagrad = race.trajectory(0);
            int last = adagrad.size() - 1;
            assertThat(adagrad.lrY(last)).as("seed %d", seed).isGreaterThan(2 * adagrad.lrX(last));
        }
    }

    // ---- the figures: the claims' numbers measured beside the text ------------------------------

    static final LessonFigures FIGURES = new LessonFigures();

    @ParameterizedTest(name = "{0}")
    @FieldSource("LESSONS")
    void theMeasuredLineShowsTheNumberTheClaimTurnsOn(Lesson lesson) {
        assertThat(OnScreen.KEY_NUMBERS).containsKey(lesson.id());
        assertThat(FIGURES.of(lesson).measured()).startsWith("Measured on this preset: ")
                .contains(OnScreen.KEY_NUMBERS.get(lesson.id()));
        assertThat(FIGURES.of(lesson)).as("measured once").isSameAs(FIGURES.of(lesson));
    }

    @Test
    void lesson6_theFigureDrawsEvesDOverTheStepsFromTheRecordedState() {
        Race race = Race.run(lesson("eve").spec(), Set.of(1));
        Trajectory eve = race.trajectory(1);
        int d = eve.stateNames().indexOf("d");
        LessonFigure.Chart chart = FIGURES.of(lesson("eve")).chart().orElseThrow();
        assertThat(chart.lines()).singleElement().satisfies(line -> {
            assertThat(line.run()).isEqualTo(1);
            assertThat(line.values()).hasSize(eve.size());
            assertThat(Arrays.stream(line.values()).min().orElseThrow()).isGreaterThanOrEqualTo(0.1);
            assertThat(Arrays.stream(line.values()).max().orElseThrow()).isLessThanOrEqualTo(10);
            assertThat(line.values()[0]).isEqualTo(1);
            assertThat(line.values()[eve.size() - 1]).isEqualTo(eve.state(d, eve.size() - 1)).isBetween(0.15, 0.3);
        });
    }

    @Test
    void lesson10_theFigureMarksTheFiveEpochPointOnTheIntercepts() {
        Race race = run("spreadsheet");
        LessonFigure.Chart chart = FIGURES.of(lesson("spreadsheet")).chart().orElseThrow();
        assertThat(race.spec().surface().dataRows()).as("30 rows, one a step: an epoch is 30 steps").isEqualTo(30);
        assertThat(chart.marker()).contains(new LessonFigure.Marker(150, "five epochs"));
        assertThat(chart.yName()).isEqualTo("intercept b");
        assertThat(chart.lines()).hasSize(4);
        for (int run = 0; run < 4; run++) {
            assertThat(chart.lines().get(run).values()[150]).isEqualTo(race.trajectory(run).y(150));
        }
        assertThat(chart.lines().get(2).values()[150]).as("Adam's b").isBetween(15.0, 30.0);
    }

    @Test
    void lesson12_theFigureDrawsTheRareParametersRateOverTheFrequentOnes() {
        LessonFigure.Chart chart = FIGURES.of(lesson("infrequent-parameters")).chart().orElseThrow();
        assertThat(chart.yName()).isEqualTo("lr_b ÷ lr_a");
        Trajectory adagradRun = run("infrequent-parameters").trajectory(0);
        int firstGradientOfB = IntStream.range(0, adagradRun.size()).filter(s -> adagradRun.gradY(s) != 0).findFirst().orElseThrow();
        assertThat(firstGradientOfB).as("b's feature is missing from the first rows").isPositive();
        LessonFigure.Line adagradLine = chart.lines().get(0);
        assertThat(adagradLine.steps()[0]).as("from the first update after b's first gradient").isEqualTo(firstGradientOfB + 1);
        assertThat(adagradLine.steps()[adagradLine.steps().length - 1]).isEqualTo(2000);
        double[] adagrad = adagradLine.values();
        assertThat(Arrays.stream(adagrad).max().orElseThrow()).as("no lr/ε while b has had no gradient").isLessThan(4);
        assertThat(adagrad[adagrad.length - 1]).isBetween(2.5, 3.5);
        assertThat(chart.lines().get(1).values()).as("SGD").containsOnly(1.0);
    }

    @Test
    void lessonsWithoutACourseToDrawShowOnlyTheirMeasuredLine() {
        assertThat(LESSONS.stream().filter(l -> FIGURES.of(l).chart().isPresent()).map(Lesson::id))
                .containsExactlyInAnyOrder("eve", "spreadsheet", "infrequent-parameters");
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static Lesson lesson(String id) {
        return Lessons.byId(id).orElseThrow();
    }

    private static Race run(String id) {
        return Race.run(lesson(id).spec());
    }

    /** Runs the variant of a lesson that its button of this label loads. */
    private static Race variant(String id, String label) {
        return Race.run(lesson(id).variants().stream().filter(v -> v.label().equals(label)).findFirst().orElseThrow().spec());
    }

    /** Runs a lesson's preset with one edit, as a student clicking around would. */
    private static Race run(String id, String from, String to) {
        String preset = lesson(id).preset();
        assertThat(preset).contains(from);
        return Race.run(PageLink.spec(preset.replace(from, to)));
    }

    private static double lr(Race race, int run) {
        return race.spec().runs().get(run).optimizer().instance().lr();
    }

    private static int last(Race race, int run) {
        return race.trajectory(run).size() - 1;
    }

    private static double distance(Trajectory t, int step, Minimum m) {
        return Math.hypot(t.x(step) - m.at().x(), t.y(step) - m.at().y());
    }

    /** The step with the lowest effective rate of x. */
    private static int lowestRateX(Trajectory t) {
        int best = 1;
        for (int s = 2; s < t.size(); s++) {
            if (t.lrX(s) < t.lrX(best)) {
                best = s;
            }
        }
        return best;
    }
}
