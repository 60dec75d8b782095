package org.lrplayground.lessons;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.lrplayground.engine.param.Numbers;
import org.lrplayground.engine.optim.Optimizer;
import org.lrplayground.engine.run.Choice;
import org.lrplayground.engine.analysis.Basins;
import org.lrplayground.engine.analysis.Tuning;
import org.lrplayground.engine.run.Race;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.engine.run.RunStatus;
import org.lrplayground.engine.run.Trajectory;
import org.lrplayground.lessons.LessonFigure.Chart;
import org.lrplayground.lessons.LessonFigure.Line;
import org.lrplayground.lessons.LessonFigure.Marker;
import org.springframework.stereotype.Service;

/**
 * Measures each lesson's claim on its preset, so that the panel shows the engine's numbers beside
 * the text that quotes them. A preset never changes, so each lesson is run once per application.
 */
@Service
public class LessonFigures {

    private static final String MEASURED = "Measured on this preset: ";

    private final Map<String, LessonFigure> figures = new ConcurrentHashMap<>();

    /** The figure of this lesson, run on the engine the first time it is asked for. */
    public LessonFigure of(Lesson lesson) {
        return figures.computeIfAbsent(lesson.id(), id -> measure(lesson));
    }

    private static LessonFigure measure(Lesson lesson) {
        RunSpec spec = lesson.spec();
        return switch (lesson.id()) {
            case "too-small-too-large" -> tooSmallTooLarge(Race.run(spec));
            case "momentum" -> momentum(Race.run(spec));
            case "adagrad-shrinks" -> adagradShrinks(Race.run(spec));
            case "rmsprop-recovers" -> rmspropRecovers(Race.run(spec));
            case "adam-bias-correction" -> biasCorrection(Race.run(spec));
            case "eve" -> eve(Race.run(spec, Set.of(EVE)));
            case "banana-valley" -> bananaValley(Race.run(spec));
            case "warm-restarts" -> warmRestarts(Race.run(spec));
            case "himmelblau-starts" -> himmelblauStarts(Race.run(spec));
            case "spreadsheet" -> spreadsheet(Race.run(spec));
            case "error-following" -> errorFollowing(Race.run(spec));
            case "infrequent-parameters" -> infrequentParameters(Race.run(spec));
            case "adagrad-steps" -> adagradSteps(Race.run(spec));
            case "how-local" -> howLocal(spec);
            case "fair-race" -> fairRace(spec);
            default -> throw new IllegalArgumentException("lesson " + lesson.id() + " has no figure");
        };
    }

    private static LessonFigure tooSmallTooLarge(Race race) {
        return text("lr = %s ends %s from the minimum, lr = %s ends %s from it, lr = %s diverges at step %d.",
                lr(race, 0), distance(race, 0), lr(race, 1), distance(race, 1), lr(race, 2), race.status(2).step());
    }

    private static LessonFigure momentum(Race race) {
        return text("after %d steps SGD is %s from the minimum, PyTorch momentum %s, the moving average %s.",
                race.spec().steps(), distance(race, 0), distance(race, 1), distance(race, 2));
    }

    private static LessonFigure adagradShrinks(Race race) {
        Trajectory adagrad = race.trajectory(0);
        long rises = IntStream.range(2, adagrad.size()).filter(t -> adagrad.lrX(t) > adagrad.lrX(t - 1)).count();
        return text("Adagrad's lr_x falls from %s to %s and rises at %d of its %d steps; Adagrad ends %s from (1, 1), "
                        + "RMSProp %s.", readable(adagrad.lrX(1)), readable(adagrad.lrX(last(adagrad))), rises,
                last(adagrad), distance(race, 0), distance(race, 1));
    }

    private static LessonFigure rmspropRecovers(Race race) {
        Trajectory rmsprop = race.trajectory(0);
        int lowest = lowest(rmsprop, Trajectory::lrX);
        double end = rmsprop.lrX(last(rmsprop));
        Trajectory adagrad = race.trajectory(1);
        return text("RMSProp's lr_x falls to %s at step %d, then climbs to %s (%s×); Adagrad's ends at %s. "
                        + "RMSProp ends %s from the minimum, Adagrad %s (%s× farther).",
                readable(rmsprop.lrX(lowest)), lowest, readable(end), readable(end / rmsprop.lrX(lowest)),
                readable(adagrad.lrX(last(adagrad))), distance(race, 0), distance(race, 1),
                readable(race.distanceToNearestMinimum(1) / race.distanceToNearestMinimum(0)));
    }

    private static LessonFigure biasCorrection(Race race) {
        double x0 = race.spec().start().x();
        double corrected = Math.abs(race.trajectory(0).x(1) - x0);
        double uncorrected = Math.abs(race.trajectory(1).x(1) - x0);
        return text("the first step moves x by %s with bias correction and by %s without it: %s× larger. "
                        + "After %d steps they end %s and %s from (1, 1).",
                readable(corrected), readable(uncorrected), readable(uncorrected / corrected), race.spec().steps(),
                distance(race, 0), distance(race, 1));
    }

    /** The preset's Eve run, whose optimizer state the figure records. */
    private static final int EVE = 1;

    private static LessonFigure eve(Race race) {
        int d = race.trajectory(EVE).stateNames().indexOf("d");
        Line line = line(race, EVE, 0, (t, step) -> t.state(d, step));
        double[] values = line.values();
        return new LessonFigure(MEASURED + "Eve's d sinks from %s to %s; Eve ends %s from (1, 1), Adam %s."
                .formatted(readable(values[0]), readable(values[values.length - 1]), distance(race, EVE),
                        distance(race, 0)),
                Optional.of(new Chart("Eve's d", List.of(line), Optional.empty())));
    }

    private static LessonFigure bananaValley(Race race) {
        Trajectory annealed = race.trajectory(1);
        int end = last(annealed);
        int highest = lowest(annealed, (t, step) -> -t.loss(step));
        return text("the error-proportional run is catapulted to a loss of %s at step %d, then ends at a loss of %s "
                        + "(%s%% of its start), its rate %s%% of lr, %s from (1, 1); constant SGD ends %s away, Adam %s.",
                readable(annealed.loss(highest)), highest, readable(annealed.loss(end)),
                readable(100 * annealed.loss(end) / annealed.loss(0)), readable(100 * annealed.lrX(end) / lrOf(race, 1)),
                distance(race, 1), distance(race, 0), distance(race, 2));
    }

    private static LessonFigure warmRestarts(Race race) {
        Trajectory constant = race.trajectory(0);
        Trajectory restarts = race.trajectory(1);
        return text("the constant rate ends at a loss of %s; warm restarts converge at step %d, at a loss of %s.",
                readable(constant.loss(last(constant))), race.status(1).step(), readable(restarts.loss(last(restarts))));
    }

    private static LessonFigure himmelblauStarts(Race race) {
        List<String> ends = IntStream.range(0, race.size()).mapToObj(r -> {
            Trajectory t = race.trajectory(r);
            return "(%s, %s) → (%s, %s)".formatted(readable(t.x(0)), readable(t.y(0)), readable(t.x(last(t))),
                    readable(t.y(last(t))));
        }).toList();
        return text("the four runs converge %s.", String.join(", ", ends));
    }

    private static LessonFigure spreadsheet(Race race) {
        RunSpec spec = race.spec();
        // The text's "five epochs": five passes over the data rows, one mini-batch a step.
        int fiveEpochs = 5 * spec.surface().dataRows() / spec.batch();
        String b = spec.surface().yName();
        List<Line> lines = IntStream.range(0, race.size()).mapToObj(r -> line(race, r, 0, Trajectory::y)).toList();
        return new LessonFigure(MEASURED + ("after five epochs (step %d) SGD's %s is %s and Adam's %s; after %d steps "
                + "Adam with cosine annealing ends %s from (2, 30), %s× closer than at a constant rate.")
                .formatted(fiveEpochs, b, readable(race.trajectory(0).y(fiveEpochs)),
                        readable(race.trajectory(2).y(fiveEpochs)), spec.steps(), distance(race, 3),
                        readable(race.distanceToNearestMinimum(2) / race.distanceToNearestMinimum(3))),
                Optional.of(new Chart("intercept " + b, lines, Optional.of(new Marker(fiveEpochs, "five epochs")))));
    }

    private static LessonFigure errorFollowing(Race race) {
        double alpha = race.optimizerState(1).get("alpha")[0];
        return text("Polyak converges at step %d; SGD-HD learns a rate of %s, %s× its start, and converges at step %d; "
                        + "with hyper_lr = %s it diverges at step %d.",
                race.status(0).step(), readable(alpha), readable(alpha / lrOf(race, 1)),
                race.status(1).step(), Numbers.format(value(race, 2, "hyper_lr")), race.status(2).step());
    }

    private static LessonFigure infrequentParameters(Race race) {
        String a = race.spec().surface().xName();
        String b = race.spec().surface().yName();
        List<Line> lines = IntStream.range(0, race.size()).mapToObj(r -> line(race, r,
                afterFirstGradientOfY(race.trajectory(r)), (t, step) -> t.lrY(step) / t.lrX(step))).toList();
        double[] adagrad = lines.getFirst().values();
        return new LessonFigure(MEASURED + ("after %d steps Adagrad's effective rate for %s is %s× its rate for %s; "
                + "SGD's is %s×.").formatted(race.spec().steps(), b, readable(adagrad[adagrad.length - 1]), a,
                        readable(lines.get(1).values()[0])),
                Optional.of(new Chart("lr_" + b + " ÷ lr_" + a, lines, Optional.empty())));
    }

    /**
     * The first update after y first had a gradient. Until then Adagrad's sum for y is 0 and its rate
     * lr/ε (ε only guards the division) moves nothing, the gradient being 0: a ratio of about 3·10¹⁰
     * that says nothing of the claim and would flatten the ratio it is about to a line at 0.
     */
    private static int afterFirstGradientOfY(Trajectory t) {
        return 1 + IntStream.range(0, t.size()).filter(step -> t.gradY(step) != 0).findFirst().orElseThrow();
    }

    private static LessonFigure adagradSteps(Race race) {
        Trajectory adagrad = race.trajectory(1);
        int end = last(adagrad);
        return text("Adagrad's first step moves x by %s and y by %s, though y's gradient is %s× x's; it converges at "
                        + "step %d, its rate for x %s× that for y. SGD at lr = %s ends %s from the minimum.",
                readable(Math.abs(adagrad.x(1) - adagrad.x(0))), readable(Math.abs(adagrad.y(1) - adagrad.y(0))),
                readable(Math.abs(adagrad.gradY(0) / adagrad.gradX(0))), race.status(1).step(),
                readable(adagrad.lrX(end) / adagrad.lrY(end)), lr(race, 0), distance(race, 0));
    }

    /** The lesson's grid: the Basins dialog's default, so the panel and the map agree. */
    static final int BASIN_GRID = 100;

    private static LessonFigure howLocal(RunSpec spec) {
        Basins sgd = Basins.of(spec, 0, BASIN_GRID);
        Basins momentum = Basins.of(spec, 1, BASIN_GRID);
        return text("SGD ends in one of the two global minima from %s %% of the box, in a local one from %s %%; "
                        + "momentum from %s %% and %s %%, and %s %% of its starts do not settle.",
                percent(globalShare(sgd, spec)), percent(settled(sgd) - globalShare(sgd, spec)),
                percent(globalShare(momentum, spec)), percent(settled(momentum) - globalShare(momentum, spec)),
                percent(1 - settled(momentum)));
    }

    /** The share of the box whose starts end in a minimum with the surface's lowest value. */
    static double globalShare(Basins basins, RunSpec spec) {
        double fStar = spec.surface().fStar(spec.box());
        return basins.minima().stream().filter(b -> spec.surface().value(b.at().x(), b.at().y()) <= fStar + 1e-9)
                .mapToDouble(Basins.Basin::share).sum();
    }

    /** The share of the box whose starts end in any minimum. */
    static double settled(Basins basins) {
        return basins.minima().stream().mapToDouble(Basins.Basin::share).sum();
    }

    private static String percent(double share) {
        return readable(100 * share);
    }

    private static LessonFigure fairRace(RunSpec spec) {
        Race defaults = Race.run(spec);
        Race tuned = Race.run(tuned(spec));
        return text("at the preset's rates %s; tuned (best lr %s, %s and %s), %s.", outcomes(defaults),
                lr(tuned, 0), lr(tuned, 1), lr(tuned, 2), outcomes(tuned));
    }

    /** The scene with every run at the best rate of the Tune dialog's default tuning. */
    static RunSpec tuned(RunSpec spec) {
        return spec.withRuns(Tuning.of(spec, Tuning.Settings.DEFAULT).stream()
                .map(t -> t.best(spec.runs().get(t.run()))).toList());
    }

    /** "SGD ends at f − f* = 1.349e-4, Momentum converges at step 379, …". */
    private static String outcomes(Race race) {
        return String.join(", ", IntStream.range(0, race.size()).mapToObj(r -> race.spec().runs().get(r).optimizer().method().name()
                + (race.status(r).kind() == RunStatus.Kind.CONVERGED ? " converges at step " + race.status(r).step()
                : " ends at f − f* = " + readable(race.trajectory(r).loss(last(race.trajectory(r))) - race.fStar()))).toList());
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static LessonFigure text(String format, Object... args) {
        return new LessonFigure(MEASURED + format.formatted(args), Optional.empty());
    }

    private static String readable(double v) {
        return Numbers.readable(v);
    }

    private static double lrOf(Race race, int run) {
        return value(race, run, "lr");
    }

    /** A parameter of a run's optimizer, as its preset sets it. */
    private static double value(Race race, int run, String param) {
        Choice<Optimizer> optimizer = race.spec().runs().get(run).optimizer();
        return optimizer.values().get(optimizer.method().param(param));
    }

    /** A run's line: {@code of} at every step from {@code from} on, named by the run's label. */
    private static Line line(Race race, int run, int from, Column of) {
        Trajectory t = race.trajectory(run);
        return new Line(run, race.spec().runs().get(run).label(), IntStream.range(from, t.size()).asDoubleStream().toArray(),
                IntStream.range(from, t.size()).mapToDouble(step -> of.at(t, step)).toArray());
    }

    private static String lr(Race race, int run) {
        return Numbers.format(lrOf(race, run));
    }

    private static String distance(Race race, int run) {
        return readable(race.distanceToNearestMinimum(run));
    }

    private static int last(Trajectory t) {
        return t.size() - 1;
    }

    /** The step after the start at which {@code of} is lowest (of the first such, the earliest). */
    private static int lowest(Trajectory t, Column of) {
        return IntStream.range(1, t.size()).boxed().min((p, q) -> Double.compare(of.at(t, p), of.at(t, q))).orElseThrow();
    }

    /** A recorded column of a trajectory, e.g. {@code Trajectory::lrX}. */
    @FunctionalInterface
    private interface Column {
        double at(Trajectory t, int step);
    }
}
