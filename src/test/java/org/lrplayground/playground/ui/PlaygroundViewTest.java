package org.lrplayground.playground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.browserless.mocks.MockService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.notification.Notification;
import java.util.List;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.di.InstantiatorFactory;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lrplayground.app.Budgets;
import org.lrplayground.app.WorkBudget;
import org.lrplayground.race.RunService;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.run.Race;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.engine.run.RunStatus;
import org.lrplayground.engine.surface.Point;
import org.lrplayground.lessons.LessonFigures;
import org.lrplayground.playground.Await;
import org.lrplayground.playground.BasinsService;
import org.lrplayground.playground.TuningService;
import org.lrplayground.playground.LrFinderService;
import org.lrplayground.race.RaceService;
import org.lrplayground.share.InMemoryShortLinks;
import org.lrplayground.share.ShortLinkService;
import org.lrplayground.link.PageLink;
import org.lrplayground.link.PageOptions;

/** The playground as a user drives it, without a browser. */
@ViewPackages(classes = PlaygroundView.class)
class PlaygroundViewTest extends BrowserlessTest {

    /** The service the views of these tests get; browserless tests have no Spring context. */
    static RaceService service = new RaceService(2, 1L << 30);
    /**
     * The work budget of the views' services: the standard limit, everything it allows on the
     * caller's thread, so that a dialog shows its result at once; a test of the pool swaps it.
     */
    static WorkBudget budget = Budgets.inline();
    /** The short links the views of these tests make, in memory. */
    static final ShortLinkService links = InMemoryShortLinks.create();
    /** Every view of these tests measures the lessons' figures once. */
    static final LessonFigures figures = new LessonFigures();

    /**
     * Builds the view with the test's services, as Spring's constructor injection would. Vaadin's
     * Spring integration finds this class on the test class path too: there it steps aside, so that
     * browser tests get the application's own services.
     */
    public static class ServiceInjectingInstantiatorFactory implements InstantiatorFactory {
        @Override
        public Instantiator createInstantitor(VaadinService vaadinService) {
            if (!(vaadinService instanceof MockService)) {
                return null;
            }
            return new DefaultInstantiator(vaadinService) {
                @Override
                public <T> T getOrCreate(Class<T> type) {
                    return type == PlaygroundView.class
                            ? type.cast(new PlaygroundView(service, new RunService(budget), new LrFinderService(budget),
                                    new BasinsService(budget), new TuningService(budget), links, figures))
                            : super.getOrCreate(type);
                }
            };
        }
    }

    @Override
    protected Set<Class<?>> lookupServices() {
        return Set.of(ServiceInjectingInstantiatorFactory.class);
    }

    @AfterEach
    void closeRaces() {
        service.destroy();
        service = new RaceService(2, 1L << 30);
    }

    /** Runs the ui.access tasks of the service's worker threads, as the next server visit would. */
    static void runFramesPushedByTheService() {
        VaadinSession session = VaadinSession.getCurrent();
        session.getService().runPendingAccessTasks(session);
    }

    private PlaygroundView open(String query) {
        UI.getCurrent().navigate("", QueryParameters.fromString(query));
        return (PlaygroundView) getCurrentView();
    }

    @Test
    void aBareAddressShowsTheDefaultSceneAndWritesItToTheAddressBar() {
        PlaygroundView view = navigate(PlaygroundView.class);

        assertThat(view.runs.runs).hasSize(2);
        assertThat(view.spec()).isEqualTo(RunFormat.parse(PlaygroundView.DEFAULT_QUERY));
        assertThat(view.location()).isEqualTo("?" + PageLink.format(view.spec(), PageOptions.NONE))
                .startsWith("?v=1&surface=rosenbrock&");
        assertThat(view.controls.run.isEnabled()).isTrue();
    }

    @Test
    void anAddressRestoresTheSameSceneAndTheFormWritesItBackUnchanged() {
        String query = RunFormat.format(RunFormat.parse("surface=rosenbrock&start=0.5,-0.5&steps=300&noise=0.1&seed=3"
                + "&run=adam:lr=0.02,sched=cosine,T_max=200&run=sgd:lr=0.002"));

        PlaygroundView view = open(query);

        assertThat(view.location()).isEqualTo("?v=1&" + query);
        assertThat(view.runs.runs).hasSize(2);
        assertThat(view.runs.runs.get(0).labelText()).isEqualTo("Adam lr=0.02 · cosine T_max=200");
        assertThat(view.problem.startX.getValue()).isEqualTo("0.5");
    }

    @Test
    void partsOfALinkThatCannotBeUsedAreDroppedAndReportedInANotification() {
        PlaygroundView view = open("surface=rosenbrock&steps=300&run=adam:lr=-1&run=sgd:lr=0.001&wibble=3");

        assertThat(view.spec()).isNotNull();
        assertThat(view.spec().steps()).isEqualTo(300);
        assertThat(view.spec().runs()).hasSize(2);
        assertThat(view.spec().runs().get(0).optimizer().values().byName().get("lr")).isEqualTo(1e-3);
        Notification notification = $(Notification.class).single();
        List<String> problems = $(ListItem.class, notification).all().stream().map(ListItem::getText).toList();
        assertThat(problems).hasSize(2);
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("run 1").contains("lr = -1 is not accepted"))
                .anySatisfy(p -> assertThat(p).contains("wibble"));
    }

    @Test
    void addingRunsStopsAtEightEachInItsOwnColour() {
        PlaygroundView view = navigate(PlaygroundView.class);

        for (int i = 0; i < 10; i++) {
            if (view.runs.addRun.isEnabled()) {
                test(view.runs.addRun).click();
            }
        }

        assertThat(view.runs.runs).hasSize(RunsPanel.MAX_RUNS);
        assertThat(view.spec().runs()).hasSize(RunsPanel.MAX_RUNS);
        assertThat(view.runs.runs.stream().map(RunEditor::color).distinct()).hasSize(RunsPanel.MAX_RUNS);
        assertThat(view.runs.addRun.isEnabled()).isFalse();
        assertThat(view.location()).contains("&run=").isEqualTo("?" + PageLink.format(view.spec(), PageOptions.NONE));
    }

    @Test
    void duplicatingARunCopiesItsSettingsAndRemovingKeepsAtLeastOne() {
        PlaygroundView view = open("surface=rosenbrock&run=adam:lr=0.02,beta1=0.8");

        test(view.runs.runs.get(0).duplicate).click();
        assertThat(view.spec().runs()).hasSize(2);
        assertThat(view.spec().runs().get(1)).isEqualTo(view.spec().runs().get(0));

        test(view.runs.runs.get(1).remove).click();
        assertThat(view.runs.runs).hasSize(1);
        assertThat(view.runs.runs.get(0).remove.isEnabled()).isFalse();
    }

    @Test
    void anInvalidValueIsMarkedAtItsFieldAndDisablesRun() {
        PlaygroundView view = navigate(PlaygroundView.class);
        TextField lr = view.runs.runs.get(1).field("lr").textField();

        test(lr).setValue("-3");

        assertThat(lr.isInvalid()).isTrue();
        assertThat(lr.getErrorMessage()).contains("lr").contains("accepted");
        assertThat(view.controls.run.isEnabled()).isFalse();
        assertThat(view.spec()).as("the stage keeps the last valid scene").isEqualTo(RunFormat.parse(PlaygroundView.DEFAULT_QUERY));
        assertThat(view.message.getText()).isEqualTo("Fix the marked fields to update the race.");

        test(lr).setValue("0.01");
        assertThat(lr.isInvalid()).isFalse();
        assertThat(view.controls.run.isEnabled()).isTrue();
        assertThat(view.location()).contains("run=adam:lr=0.01,");
    }

    @Test
    void aRunsOwnStartNeedsBothCoordinatesAndGoesIntoTheAddress() {
        PlaygroundView view = navigate(PlaygroundView.class);
        RunEditor adam = view.runs.runs.get(1);

        test(adam.startX).setValue("0.5");

        assertThat(adam.startY.isInvalid()).isTrue();
        assertThat(adam.startY.getErrorMessage()).contains("needs both x0 and y0");
        assertThat(view.controls.run.isEnabled()).isFalse();

        test(adam.startY).setValue("-0.25");
        assertThat(adam.startY.isInvalid()).isFalse();
        assertThat(view.spec().startOf(view.spec().runs().get(1))).isEqualTo(new Point(0.5, -0.25));
        assertThat(view.spec().startOf(view.spec().runs().get(0))).isEqualTo(view.spec().start());
        assertThat(view.location()).contains(",x0=0.5,y0=-0.25");
        assertThat(adam.labelText()).endsWith("from (0.5, -0.25)");

        test(adam.startX).setValue("");
        test(adam.startY).setValue("");
        assertThat(view.location()).doesNotContain("x0=");
    }

    @Test
    void tooManyStepsIsMarkedAtTheStepsField() {
        PlaygroundView view = navigate(PlaygroundView.class);
        TextField steps = view.problem.steps.textField();

        test(steps).setValue("1000001");

        assertThat(steps.isInvalid()).isTrue();
        assertThat(view.controls.run.isEnabled()).isFalse();
    }

    @Test
    void theResultsTableSaysHowEachRunEndedAsTheEngineDecided() {
        String query = "surface=rosenbrock&start=-1.5,2&steps=300&run=sgd:lr=1&run=adam:lr=0.05";
        PlaygroundView view = runInstantly(query);

        Race expected = Race.run(RunFormat.parse(query));
        assertThat(view.controls.run.getText()).isEqualTo("Run again");
        assertThat(view.controls.step.isEnabled()).isFalse();
        assertThat(view.display.results().statuses())
                .containsExactly("diverged, step " + expected.status(0).step(), "all 300 steps");
        assertThat(view.display.results().kinds()).containsExactly(expected.status(0), expected.status(1));
        assertThat($(com.vaadin.flow.component.html.Div.class).withClassName("race-results-notes").single().getElement()
                .getTextRecursively()).startsWith("1. " + expected.status(0).reason());

        test(view.controls.run).click(); // "Run again"
        awaitFinished(view);
        assertThat(view.display.results().kinds()).containsExactly(expected.status(0), expected.status(1));

        // The note names a rate that holds; one click uses it, and the race, finished, is recomputed at once.
        double stable = org.lrplayground.engine.run.StableRate.search(RunFormat.parse(query), 0).orElseThrow();
        String rate = org.lrplayground.engine.param.Numbers.format(stable);
        com.vaadin.flow.component.button.Button use = $(com.vaadin.flow.component.button.Button.class)
                .withClassName("use-rate").single();
        assertThat(use.getText()).isEqualTo("Use lr = " + rate);
        test(use).click();
        assertThat(view.runs.runs.get(0).field("lr").textField().getValue()).isEqualTo(rate);
        assertThat(view.display.results().kinds().get(0).kind()).isNotEqualTo(RunStatus.Kind.DIVERGED);
    }

    @Test
    void aRateThatHoldsOnlyToItsLastDigitIsNamedReadablyAndUsedWhole() {
        String query = "surface=rosenbrock&start=-1.5,2&steps=500&run=momentum:lr=1";
        PlaygroundView view = runInstantly(query);

        double stable = org.lrplayground.engine.run.StableRate.search(RunFormat.parse(query), 0).orElseThrow();
        assertThat(stable).as("0.0025 and 0.002548 diverge here").isEqualTo(0.0025482967479793467);
        com.vaadin.flow.component.button.Button use = $(com.vaadin.flow.component.button.Button.class)
                .withClassName("use-rate").single();
        assertThat(use.getText()).isEqualTo("Use lr ≈ 0.002548");
        test(use).click();
        assertThat(view.runs.runs.get(0).field("lr").textField().getValue())
                .isEqualTo(org.lrplayground.engine.param.Numbers.format(stable));
    }

    @Test
    void stepAdvancesOneStepAndReportsIt() {
        PlaygroundView view = open("surface=rosenbrock&run=adam:lr=0.05");

        test(view.controls.step).click();
        test(view.controls.step).click();

        assertThat(view.display.results().statuses()).containsExactly("step 2");
        assertThat(view.controls.reset.isEnabled()).isTrue();
        test(view.controls.reset).click();
        assertThat(view.display.results().statuses()).containsExactly("ready");
    }

    @Test
    void changingASettingWhilePlayingReplaysTheNewSceneFromTheStart() {
        PlaygroundView view = open("surface=rosenbrock&steps=100000&run=adam:lr=0.001");
        test(view.controls.speed).selectItem("1 step/s");
        test(view.controls.run).click();
        Await.until("the race computes", () -> service.runningTasks() == 1);

        test(view.problem.seed.textField()).setValue("7");

        assertThat(view.spec().seed()).isEqualTo(7);
        assertThat(view.controls.run.getText()).as("no ready state in between").isEqualTo("Pause");
        Await.until("the new race plays", () -> service.runningTasks() == 1 && service.watching() == 1);
        assertThat(service.streams()).isEqualTo(1);
    }

    @Test
    void anEditOfAFinishedRaceShowsTheNewResultAtOnce() {
        PlaygroundView view = open("surface=rosenbrock&start=-1.5,2&steps=300&run=sgd:lr=1&run=adam:lr=0.05&speed=instant");
        test(view.controls.run).click();
        awaitFinished(view);

        test(view.runs.runs.get(0).field("lr").textField()).setValue("0.001");

        Race expected = Race.run(view.spec());
        assertThat(view.display.results().kinds()).as("recomputed, not reset to ready")
                .containsExactly(expected.status(0), expected.status(1));
        assertThat(expected.status(0).kind()).isEqualTo(RunStatus.Kind.MAX_STEPS);
        assertThat(view.controls.run.getText()).isEqualTo("Run again");
    }

    @Test
    void anEditOfAPausedRaceShowsTheNewSceneUpToTheSameStep() {
        PlaygroundView view = open("surface=rosenbrock&run=adam:lr=0.05");
        for (int i = 0; i < 3; i++) {
            test(view.controls.step).click();
        }

        test(view.runs.runs.get(0).field("lr").textField()).setValue("0.02");

        assertThat(view.display.results().statuses()).containsExactly("step 3");
    }

    @Test
    void sideBySideLaysTheSameResultsOutAgain() {
        PlaygroundView view = open("surface=rosenbrock&steps=300&run=sgd:lr=1&run=adam:lr=0.05&speed=instant");
        test(view.controls.run).click();
        awaitFinished(view);
        List<RunStatus> before = view.display.results().kinds();

        test(view.controls.sideBySide).click();

        assertThat(view.display.results().kinds()).isEqualTo(before);
        assertThat(view.controls.run.getText()).isEqualTo("Run again");
    }

    @Test
    void undoAndRedoStepThroughSettledEdits() {
        PlaygroundView view = open("surface=rosenbrock&run=adam:lr=0.05");
        long[] now = {0};
        view.address.useClock(() -> now[0]);
        String start = view.location();
        TextField lr = view.runs.runs.get(0).field("lr").textField();

        test(lr).setValue("0.04");
        now[0] += 100_000_000; // typing on: the same step
        test(lr).setValue("0.03");
        now[0] += 5_000_000_000L;
        test(view.problem.seed.textField()).setValue("9");
        assertThat(view.controls.undo.isEnabled()).isTrue();
        assertThat(view.controls.redo.isEnabled()).isFalse();

        test(view.controls.undo).click();
        assertThat(view.spec().seed()).isZero();
        assertThat(view.location()).contains("lr=0.03");
        test(view.controls.undo).click();
        assertThat(view.location()).isEqualTo(start);
        assertThat(view.controls.undo.isEnabled()).isFalse();

        test(view.controls.redo).click();
        test(view.controls.redo).click();
        assertThat(view.spec().seed()).isEqualTo(9);
        assertThat(view.controls.redo.isEnabled()).isFalse();
    }

    /** The scene of {@code query}, raced at once to its end. */
    private PlaygroundView runInstantly(String query) {
        PlaygroundView view = open(query);
        test(view.controls.speed).selectItem("Instant");
        test(view.controls.run).click();
        awaitFinished(view);
        return view;
    }

    private static void awaitFinished(PlaygroundView view) {
        Await.until("the race has finished", () -> {
            runFramesPushedByTheService();
            return view.display.results().kinds().stream().allMatch(RunStatus::finished);
        });
    }

    @Test
    void detachingTheViewStopsItsRace() {
        PlaygroundView view = open("surface=rosenbrock&steps=100000&run=adam:lr=0.001");
        test(view.controls.speed).selectItem("1 step/s");
        test(view.controls.run).click();
        Await.until("the race computes", () -> service.runningTasks() == 1);

        UI ui = UI.getCurrent();
        ui.getSession().removeUI(ui); // what happens when the tab is closed

        Await.until("the race has stopped", () -> service.runningTasks() == 0);
        assertThat(service.watching()).isZero();
        assertThat(view.isAttached()).isFalse();
    }

    @Test
    void clickingThePlotMovesTheStart() {
        PlaygroundView view = open("surface=rosenbrock&run=adam:lr=0.05");

        com.vaadin.flow.component.ComponentUtil.fireEvent(view.display.plot(),
                new org.lrplayground.ui.SurfacePlot.StartPickedEvent(view.display.plot(), true, 0.123456, -0.654321));

        assertThat(view.spec().start().x()).isEqualTo(0.123);
        assertThat(view.spec().start().y()).isEqualTo(-0.654);
        assertThat(view.location()).contains("start=0.123,-0.654");
    }

    @Test
    void aCustomExpressionThatDoesNotParseIsMarkedAtTheExpressionField() {
        PlaygroundView view = open("surface=custom&f=x%5E2%2B3*y%5E2&run=adam:lr=0.1");
        assertThat(view.spec().surface().formula()).isNotBlank();

        test(view.problem.expression).setValue("x^2 + * y");

        assertThat(view.problem.expression.isInvalid()).isTrue();
        assertThat(view.problem.expression.getErrorMessage()).isNotBlank();
        assertThat(view.controls.run.isEnabled()).isFalse();

        test(view.problem.expression).setValue("x^2 + 2*y^2");
        assertThat(view.problem.expression.isInvalid()).isFalse();
        assertThat(view.location()).contains("f=x%5E2%20%2B%202*y%5E2");
    }

    @Test
    void theBatchFieldAppearsForTheDataSurfaceOnlyAndRejectsMoreRowsThanTheData() {
        PlaygroundView view = navigate(PlaygroundView.class);
        assertThat(view.problem.batch.isVisible()).isFalse();

        test(view.problem.surface).selectItem("Linear regression (spreadsheet)");
        assertThat(view.problem.batch.isVisible()).isTrue();
        test(view.problem.batch.textField()).setValue("999");

        assertThat(view.problem.batch.textField().isInvalid()).isTrue();
        assertThat(view.problem.batch.textField().getErrorMessage()).contains("batch");
        assertThat(view.controls.run.isEnabled()).isFalse();
    }

    @Test
    void choosingAnotherSurfaceResetsStartAndBoxToItsOwn() {
        PlaygroundView view = open("surface=rosenbrock&start=0.5,0.5&run=adam:lr=0.05");

        test(view.problem.surface).selectItem("Himmelblau");

        RunSpec spec = view.spec();
        assertThat(spec.surface().id()).isEqualTo("himmelblau");
        assertThat(spec.start()).isEqualTo(spec.surface().start());
        assertThat(spec.box()).isEqualTo(spec.surface().box());
        assertThat(view.location()).startsWith("?v=1&surface=himmelblau&");
    }

    @Test
    void aLinkWithPlayStartsTheRaceAndHideHidesTheNamedControlsWhichStayInTheAddress() {
        PlaygroundView view = open("surface=rosenbrock&steps=100000&run=adam:lr=0.001&play=1&hide=runs,charts,sparkles");

        Await.until("the race computes", () -> service.runningTasks() == 1);
        assertThat(view.controls.run.getText()).isEqualTo("Pause");
        assertThat(view.controls().get("runs").isVisible()).isFalse();
        assertThat(view.controls().get("charts").isVisible()).isFalse();
        assertThat(view.controls().get("problem").isVisible()).isTrue();
        assertThat(view.location()).endsWith("&hide=runs,charts").doesNotContain("play=");
        List<String> problems = $(ListItem.class, $(Notification.class).single()).all().stream().map(ListItem::getText).toList();
        assertThat(problems).singleElement().asString().contains("sparkles").contains("problem, runs");
    }

    @Test
    void aLinkThatSetsOnlyTheSpeedKeepsTheDefaultScene() {
        PlaygroundView view = open("speed=1000");

        assertThat(view.spec()).isEqualTo(RunFormat.parse(PlaygroundView.DEFAULT_QUERY));
        assertThat(view.controls.speed.getValue()).isEqualTo(Speed.S1000);
        assertThat($(Notification.class).all()).as("nothing was left out").isEmpty();
    }

    @Test
    void speedAndSideBySideComeFromTheLinkAndGoBackIntoTheAddress() {
        PlaygroundView view = open("surface=booth&run=sgd&run=adam&speed=instant&side=1");

        assertThat(view.controls.speed.getValue()).isEqualTo(Speed.INSTANT);
        assertThat(view.controls.sideBySide.getValue()).isTrue();
        assertThat(view.location()).endsWith("&speed=instant&side=1");

        view.controls.speed.setValue(Speed.DEFAULT);
        assertThat(view.location()).as("the default speed is not written").endsWith("&side=1")
                .doesNotContain("speed=");

        view.controls.sideBySide.setValue(false);
        assertThat(view.location()).doesNotContain("side=");
    }

    @Test
    void thePlotViewComesFromTheLinkAndTheSwitchWritesItBack() {
        PlaygroundView view = open("surface=himmelblau&run=sgd&view=3d-log");

        assertThat(view.display.view()).isEqualTo(org.lrplayground.ui.PlotView.SURFACE_LOG);
        assertThat(view.location()).endsWith("&view=3d-log");

        com.vaadin.flow.component.ComponentUtil.fireEvent(view.display.plot(),
                new org.lrplayground.ui.SurfacePlot.ViewChangedEvent(view.display.plot(), true, "contour"));
        assertThat(view.location()).as("the contour plot is the default, not written").doesNotContain("view=");

        view = open("surface=himmelblau&run=sgd&view=cube");
        assertThat(view.display.view()).isEqualTo(org.lrplayground.ui.PlotView.CONTOUR);
        List<String> problems = $(ListItem.class, $(Notification.class).single()).all().stream().map(ListItem::getText).toList();
        assertThat(problems).singleElement().asString().contains("cube").contains("contour, 3d, 3d-log");
    }

    @Test
    void anUnknownSpeedIsReportedAndTheDefaultUsed() {
        PlaygroundView view = open("surface=booth&run=sgd&speed=ludicrous");

        assertThat(view.controls.speed.getValue()).isEqualTo(Speed.DEFAULT);
        List<String> problems = $(ListItem.class, $(Notification.class).single()).all().stream().map(ListItem::getText).toList();
        assertThat(problems).singleElement().asString().contains("ludicrous").contains("1, 10, 100, 1000, 10000, instant");
    }

    @Test
    void everyControlALinkMayHideHasATeachersLabelAndIsListedInTheReadme() throws java.io.IOException {
        PlaygroundView view = navigate(PlaygroundView.class);
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));

        for (String control : view.controls().keySet()) {
            assertThat(ShareDialog.label(control)).as(control).isNotEqualTo(control);
            assertThat(readme).as("README's hide= row").containsPattern("hide=<control>.*`" + control + "`");
        }
    }
}
