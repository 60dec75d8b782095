package org.lrplayground;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.net.URLDecoder;

/** The arrows of docs/architecture.md that a compiler cannot check. */
@AnalyzeClasses(packages = "org.lrplayground", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ENGINE = "org.lrplayground.engine..";
    private static final String PARAM = "org.lrplayground.engine.param..";

    // URLDecoder is a pure text codec (RunFormat reads query strings); the rest of java.net
    // opens connections.
    @ArchTest
    static final ArchRule engineIsPureJava = noClasses().that().resideInAPackage(ENGINE)
            .should().dependOnClassesThat(resideInAnyPackage("org.springframework..", "com.vaadin..", "jakarta..",
                            "java.io..", "java.nio.file..", "java.net..")
                    .and(not(equivalentTo(URLDecoder.class))))
            .because("the engine is pure computation: no framework, no I/O");

    @ArchTest
    static final ArchRule engineKnowsNothingOfTheApp = noClasses().that().resideInAPackage(ENGINE)
            .should().dependOnClassesThat(resideInAPackage("org.lrplayground..").and(resideOutsideOfPackage(ENGINE)))
            .because("data flows one way: the app uses the engine, never the reverse");

    @ArchTest
    static final ArchRule engineHasNoCycles = slices().matching("org.lrplayground.engine.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule paramIsTheFoundation = noClasses().that().resideInAPackage(PARAM)
            .should().dependOnClassesThat(resideInAPackage(ENGINE).and(resideOutsideOfPackage(PARAM)))
            .because("parameters are declared once and everything else builds on them");

    // Methods and surfaces are the building blocks a run is assembled from; they must not
    // know how runs are executed or written down.
    @ArchTest
    static final ArchRule buildingBlocksDoNotKnowRuns = noClasses().that().resideInAnyPackage(
                    "org.lrplayground.engine.optim..", "org.lrplayground.engine.surface..",
                    "org.lrplayground.engine.schedule..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.lrplayground.engine.run..", "org.lrplayground.engine.format..");

    @ArchTest
    static final ArchRule runnerDoesNotKnowTheFormat = noClasses().that().resideInAPackage("org.lrplayground.engine.run..")
            .should().dependOnClassesThat().resideInAPackage("org.lrplayground.engine.format..")
            .because("the query format is one way to write a RunSpec, not part of running it");

    // Views go through application services (RaceService), which own threads and
    // cancellation; a view stepping a Race would block the UI thread. If a view ever needs a
    // read-only engine type from run/ (e.g. Trajectory, RunStatus), that is allowed: only the
    // loop classes are fenced off, and the learning-rate finder's sweep (LrFinderService runs it;
    // its LrCurve is read-only) and the basins' grid of runs (BasinsService runs it; Basins is
    // read-only).
    @ArchTest
    static final ArchRule viewsDoNotRunTheEngine = noClasses().that().resideInAPackage("..ui..")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.lrplayground.engine.run.Race")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.lrplayground.engine.run.Lane")
            .orShould().callMethod("org.lrplayground.engine.finder.LrFinder", "find",
                    "org.lrplayground.engine.run.RunSpec", "org.lrplayground.engine.optim.Optimizer")
            .orShould().callMethod("org.lrplayground.engine.analysis.Basins", "of",
                    "org.lrplayground.engine.run.RunSpec", "int", "int")
            .because("views talk to application services, never to engine loops");

    @ArchTest
    static final ArchRule playgroundViewsDoNotUseTheApi = noClasses().that().resideInAPackage("org.lrplayground.playground.ui..")
            .should().dependOnClassesThat().resideInAPackage("org.lrplayground.api..")
            .because("the API and the views are two doors to the same application services (race/)");

    @ArchTest
    static final ArchRule sharedUiKnowsNoFeature = noClasses().that().resideInAPackage("org.lrplayground.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.lrplayground.playground..",
                    "org.lrplayground.lessons..", "org.lrplayground.share..", "org.lrplayground.classroom..")
            .because("the layout and the race display are placed by features, never the reverse");

    @ArchTest
    static final ArchRule racesKnowNoPage = noClasses().that().resideInAPackage("org.lrplayground.race..")
            .should().dependOnClassesThat().resideInAnyPackage("com.vaadin..", "org.lrplayground.ui..",
                    "org.lrplayground.playground..", "org.lrplayground.api..")
            .because("a race is computed once for any number of pages, which subscribe to it");

    @ArchTest
    static final ArchRule pageOptionsLiveOutsideTheEngine = classes().that().haveSimpleNameStartingWith("Page")
            .and().resideInAPackage("org.lrplayground..").should().resideOutsideOfPackage(ENGINE)
            .because("play, hide, speed, side and lesson are what a page does with a scene, not part of running it");
}
