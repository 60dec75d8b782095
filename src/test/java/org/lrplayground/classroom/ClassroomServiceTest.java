package org.lrplayground.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.lrplayground.classroom.ClassroomException.Problem;
import org.lrplayground.engine.format.FormatException;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.race.RunService;
import org.lrplayground.share.FakeClock;
import org.lrplayground.share.RateLimitedException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/** The classroom service on the test database, with a clock of its own and a record of its events. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClassroomServiceTest {

    static final String SCENE = "surface=booth&steps=300&run=sgd:lr=0.01";
    static final Set<Change> EVERYTHING = EnumSet.allOf(Change.class);

    @Autowired
    ClassroomTables tables;
    @Autowired
    RunService engine;
    @Autowired
    TransactionTemplate transactions;

    /**
     * Starts now: the application's own service in this context removes idle classes every hour by
     * the real clock, and would remove a class this test made at a date long past while it runs.
     */
    final FakeClock clock = new FakeClock(Instant.now());
    final List<ClassEvent> events = new ArrayList<>();
    final LocalClassEvents bus = new LocalClassEvents();

    ClassroomService service(ClassroomProperties limits) {
        return new ClassroomService(tables, engine, bus, limits, transactions, clock, new SplittableRandom());
    }

    ClassroomService service() {
        return service(new ClassroomProperties(500, 20, 30, 10, 10, 1000));
    }

    @Test
    void aClassHasASixCharacterCodeOfTheUnambiguousAlphabetAndAKeyOfAtLeast128Bits() {
        ClassroomService.NewClass c = service().create("?" + SCENE, Challenge.LOWEST, EVERYTHING, "teacher");

        assertThat(c.code()).matches("[A-HJKMNP-Z2-9]{6}").doesNotContain("0", "O", "1", "I", "L");
        assertThat(c.teacherKey()).matches("[A-Za-z0-9_-]{22,}");
        assertThat(tables.classes().findById(c.code()).orElseThrow().teacherKeyHash())
                .as("stored hashed").isEqualTo(Secrets.hash(c.teacherKey())).isNotEqualTo(c.teacherKey());
        Board board = service().board(c.code().toLowerCase(), c.teacherKey(), "teacher");
        assertThat(board.scene()).as("normalised").isEqualTo(RunFormat.format(RunFormat.parse(SCENE)));
        assertThat(board.state()).isEqualTo(ClassState.OPEN);
        assertThat(board.sceneVersion()).isEqualTo(1);
    }

    @Test
    void aBadSceneIsRefusedNamingItsParameter() {
        FormatException e = catchThrowableOfType(FormatException.class,
                () -> service().create("surface=booth&run=adam:lr=-1", Challenge.NONE, EVERYTHING, "teacher"));

        assertThat(e.parameter()).startsWith("scene.run[0]");
        assertThat(catchThrowableOfType(FormatException.class, () -> service().create(" ", Challenge.NONE, EVERYTHING, "teacher"))
                .parameter()).isEqualTo("scene");
    }

    @Test
    void nicknamesAreTrimmedAndUniqueInTheirClassWhateverTheirCaseOrLookalikeLetters() {
        ClassroomService s = service();
        ClassroomService.NewClass c = s.create(SCENE, Challenge.NONE, EVERYTHING, "teacher");

        s.join(c.code(), "  Ada  ", "school");
        assertThat(problem(() -> s.join(c.code(), "ADA", "school"))).isEqualTo(Problem.NAME_TAKEN);
        assertThatThrownBy(() -> s.join(c.code(), "\u0410da", "school")).as("a Cyrillic А")
                .hasMessage("someone in this class is already called '\u0410da' or a name that looks the same: please pick another nickname");
        assertThat(problem(() -> s.join(c.code(), "a\tb", "school"))).isEqualTo(Problem.BAD_NAME);
        assertThat(problem(() -> s.join(c.code(), "   ", "school"))).isEqualTo(Problem.BAD_NAME);
        assertThat(problem(() -> s.join(c.code(), "x".repeat(25), "school"))).isEqualTo(Problem.BAD_NAME);
        s.join(c.code(), "🦊".repeat(24), "school"); // 24 characters in 48 UTF-16 units
        s.join(c.code(), "꽦".repeat(24), "school"); // a key of 168 characters
        s.join(s.create(SCENE, Challenge.NONE, EVERYTHING, "teacher").code(), "ada", "school");

        assertThat(s.board(c.code(), c.teacherKey(), "t").students()).extracting(Board.Student::name)
                .containsExactly("Ada", "🦊".repeat(24), "꽦".repeat(24));
    }

    @Test
    void aClassTakesAtMostItsNumberOfStudents() {
        ClassroomService s = service(new ClassroomProperties(2, 20, 30, 10, 10, 1000));
        String code = s.create(SCENE, Challenge.NONE, EVERYTHING, "teacher").code();
        s.join(code, "a", "school");
        s.join(code, "b", "school");

        assertThat(problem(() -> s.join(code, "c", "school"))).isEqualTo(Problem.CLASS_FULL);
    }

    @Test
    void theServerComputesEveryRunAndRanksTheLatestHandInOfEachStudent() {
        ClassroomService s = service();
        ClassroomService.NewClass c = s.create(SCENE, Challenge.LOWEST, EVERYTHING, "teacher");
        ClassroomService.Joined ada = s.join(c.code(), "Ada", "school");
        ClassroomService.Joined bob = s.join(c.code(), "Bob", "school");

        Handin first = s.handIn(c.code(), ada.token(), List.of("sgd:lr=0.001"), null, "school");
        Handin better = s.handIn(c.code(), bob.token(), List.of("sgd:lr=0.05", "sgd:lr=0.0001"), null, "school");

        RunSpec spec = RunFormat.parse(SCENE);
        RunService.FinishedRun expected = engine.run(spec.withRuns(List.of(RunFormat.parseRun(0, "sgd:lr=0.05", 300))), 0);
        Handin.Run best = better.runs().getFirst();
        assertThat(best.finalLoss()).isEqualTo(expected.finalLoss());
        assertThat(best.distanceToMinimum()).isEqualTo(expected.distanceToMinimum());
        assertThat(best.finalGap()).as("booth's f* is 0").isEqualTo(expected.finalLoss());
        assertThat(best.metric()).isEqualTo(expected.finalLoss());
        assertThat(best.lr()).isEqualTo(0.05);
        assertThat(best.status().kind()).isEqualTo(expected.status().kind().id());
        assertThat(best.label()).isEqualTo("SGD lr=0.05");
        assertThat(best.rank()).isEqualTo(1);
        assertThat(better.runs().get(1).rank()).as("worse than Ada's run").isEqualTo(2);
        assertThat(RunFormat.parse(best.query())).isEqualTo(spec.withRuns(List.of(RunFormat.parseRun(0, best.run(), 300))));

        Handin again = s.handIn(c.code(), ada.token(), List.of("sgd:lr=0.0001"), null, "school");
        Board board = s.board(c.code(), c.teacherKey(), "teacher");
        assertThat(board.leaderboard()).extracting(Board.Place::name, Board.Place::handinId, Board.Place::rank)
                .as("only Ada's latest, worse hand-in counts")
                .containsExactly(Tuple.tuple("Bob", better.id(), 1), Tuple.tuple("Ada", again.id(), 2));
        assertThat(board.students().getFirst().handins()).extracting(Handin::id).containsExactly(first.id(), again.id());
    }

    @Test
    void fastestRanksRunsThatDidNotConvergeAfterThoseThatDid() {
        ClassroomService s = service();
        ClassroomService.NewClass c = s.create(SCENE, Challenge.FASTEST, EVERYTHING, "teacher");
        Handin slow = s.handIn(c.code(), s.join(c.code(), "slow", "x").token(), List.of("sgd:lr=0.00001"), null, "x");
        Handin fast = s.handIn(c.code(), s.join(c.code(), "fast", "x").token(), List.of("sgd:lr=0.1"), null, "x");

        assertThat(fast.runs().getFirst().status().kind()).isEqualTo("converged");
        assertThat(fast.runs().getFirst().metric()).isEqualTo((double) fast.runs().getFirst().status().step());
        assertThat(slow.runs().getFirst().metric()).as("no step count without converging").isNull();
        assertThat(s.board(c.code(), c.teacherKey(), "x").leaderboard()).extracting(Board.Place::name, Board.Place::rank)
                .containsExactly(Tuple.tuple("fast", 1), Tuple.tuple("slow", 2));
    }

    @Test
    void closestRanksByTheDistanceToTheNearestMinimum() {
        ClassroomService s = service();
        ClassroomService.NewClass c = s.create(SCENE, Challenge.CLOSEST, EVERYTHING, "teacher");
        Handin h = s.handIn(c.code(), s.join(c.code(), "a", "x").token(), List.of("adam:lr=0.05"), null, "x");

        assertThat(h.runs().getFirst().metric()).isEqualTo(h.runs().getFirst().distanceToMinimum()).isNotNull();
    }

    @Test
    void aHandInMayChangeOnlyWhatTheClassAllows() {
        ClassroomService s = service();
        ClassroomService.NewClass c = s.create(SCENE, Challenge.NONE, EnumSet.of(Change.HYPERPARAMETERS), "teacher");
        String token = s.join(c.code(), "a", "x").token();

        s.handIn(c.code(), token, List.of("sgd:lr=0.05"), null, "x");
        assertThat(catchThrowableOfType(FormatException.class, () -> s.handIn(c.code(), token, List.of("sgd:lr=0.05", "adam"), null, "x")))
                .hasMessageContaining("keeps the scene's optimizers (accepted: sgd)").extracting(FormatException::parameter)
                .isEqualTo("run[1]");
        assertThatThrownBy(() -> s.handIn(c.code(), token, List.of("sgd:lr=0.05,sched=cosine"), null, "x"))
                .hasMessageContaining("keeps the scene's schedule");
        assertThatThrownBy(() -> s.handIn(c.code(), token, List.of("sgd:lr=0.05,x0=1,y0=1"), null, "x"))
                .hasMessageContaining("keeps the scene's start");

        ClassroomService.NewClass fixed = s.create(SCENE, Challenge.NONE, Set.of(), "teacher");
        assertThatThrownBy(() -> s.handIn(fixed.code(), s.join(fixed.code(), "a", "x").token(), List.of("sgd:lr=0.05"), null, "x"))
                .hasMessageContaining("keeps the optimizer's hyperparameters");
    }

    @Test
    void pausedAndClosedClassesRefuseHandIns() {
        ClassroomService s = service();
        ClassroomService.NewClass c = s.create(SCENE, Challenge.NONE, EVERYTHING, "teacher");
        String token = s.join(c.code(), "a", "x").token();

        s.setState(c.code(), c.teacherKey(), ClassState.PAUSED);
        assertThat(problem(() -> s.handIn(c.code(), token, List.of("sgd"), null, "x"))).isEqualTo(Problem.NOT_OPEN);
        s.setState(c.code(), c.teacherKey(), ClassState.OPEN);
        s.handIn(c.code(), token, List.of("sgd:lr=0.01"), null, "x");
        s.setState(c.code(), c.teacherKey(), ClassState.CLOSED);

        assertThat(problem(() -> s.handIn(c.code(), token, List.of("sgd:lr=0.01"), null, "x"))).isEqualTo(Problem.NOT_OPEN);
        assertThat(problem(() -> s.join(c.code(), "b", "x"))).isEqualTo(Problem.NOT_OPEN);
        assertThat(problem(() -> s.setState(c.code(), c.teacherKey(), ClassState.OPEN))).as("closed for good").isEqualTo(Problem.NOT_OPEN);
    }

    @Test
    void aLockedClassTakesItsSceneAsItIsWhateverTheClientIs() {
        ClassroomService s = service();
        ClassroomService.NewClass c = s.create(SCENE, Challenge.NONE, EVERYTHING, "teacher");
        String token = s.join(c.code(), "a", "x").token();
        s.setLocked(c.code(), c.teacherKey(), true);

        FormatException changed = catchThrowableOfType(FormatException.class,
                () -> s.handIn(c.code(), token, List.of("sgd:lr=0.05"), null, "x"));
        assertThat(changed.parameter()).isEqualTo("run[0]");
        assertThat(changed.getMessage()).contains("keeps the optimizer's hyperparameters");
        assertThat(s.handIn(c.code(), token, List.of("sgd:lr=0.01"), null, "x").runs()).hasSize(1);
        s.setLocked(c.code(), c.teacherKey(), false);
        assertThat(s.handIn(c.code(), token, List.of("sgd:lr=0.05"), null, "x").runs()).hasSize(1);
    }

    @Test
    void aHandInMadeOnAReplacedSceneIsRefusedSayingWhy() {
        ClassroomService s = service();
        ClassroomService.NewClass c = s.create(SCENE, Challenge.NONE, EVERYTHING, "teacher");
        String token = s.join(c.code(), "a", "x").token();
        s.handIn(c.code(), token, List.of("sgd:lr=0.01"), 1, "x");
        s.sendScene(c.code(), c.teacherKey(), "surface=himmelblau&steps=100&run=adam:lr=0.1");

        ClassroomException stale = catchThrowableOfType(ClassroomException.class,
                () -> s.handIn(c.code(), token, List.of("sgd:lr=0.01"), 1, "x"));
        assertThat(stale.problem()).isEqualTo(Problem.STALE_SCENE);
        assertThat(stale.getMessage()).contains("made on scene 1", "sent scene 2");
        assertThat(s.handIn(c.code(), token, List.of("adam:lr=0.1"), 2, "x").sceneVersion()).isEqualTo(2);
    }

    @Test
    void keysAndTokensOfOtherClassesAreRefused() {
        ClassroomService s = service();
        ClassroomService.NewClass c = s.create(SCENE, Challenge.NONE, EVERYTHING, "teacher");
        ClassroomService.NewClass other = s.create(SCENE, Challenge.NONE, EVERYTHING, "teacher");
        String token = s.join(other.code(), "a", "x").token();

        assertThat(problem(() -> s.board(c.code(), other.teacherKey(), "x"))).isEqualTo(Problem.WRONG_SECRET);
        assertThat(problem(() -> s.board(c.code(), null, "x"))).isEqualTo(Problem.NOT_SIGNED_IN);
        assertThat(problem(() -> s.handIn(c.code(), token, List.of("sgd"), null, "x"))).isEqualTo(Problem.WRONG_SECRET);
        assertThat(problem(() -> s.handIn(c.code(), "", List.of("sgd"), null, "x"))).isEqualTo(Problem.NOT_SIGNED_IN);
    }

    @Test
    void classesAreLimitedPerAddressAnHourAndInTotal() {
        ClassroomService s = service(new ClassroomProperties(500, 20, 30, 10, 2, 1000));
        s.create(SCENE, Challenge.NONE, EVERYTHING, "school");
        s.create(SCENE, Challenge.NONE, EVERYTHING, "school");

        RateLimitedException limited = catchThrowableOfType(RateLimitedException.class,
                () -> s.create(SCENE, Challenge.NONE, EVERYTHING, "school"));
        assertThat(limited.getMessage()).contains("2 classes within an hour");
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofMinutes(30));
        s.create(SCENE, Challenge.NONE, EVERYTHING, "another school");
        clock.advance(Duration.ofMinutes(30));
        s.create(SCENE, Challenge.NONE, EVERYTHING, "school");

        ClassroomService full = service(new ClassroomProperties(500, 20, 30, 10, 10, (int) tables.classes().count() + 1));
        full.create(SCENE, Challenge.NONE, EVERYTHING, "a");
        RateLimitedException fullServer = catchThrowableOfType(RateLimitedException.class,
                () -> full.create(SCENE, Challenge.NONE, EVERYTHING, "b"));
        assertThat(fullServer.getMessage()).contains("holds");
        assertThat(fullServer.retryAfter()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theBoardShowsEachStudentsLatestTenHandInsAndTheCsvAllOfThem() throws Exception {
        ClassroomService s = service();
        ClassroomService.NewClass c = s.create(SCENE, Challenge.LOWEST, EVERYTHING, "teacher");
        ClassroomService.Joined ada = s.join(c.code(), "Ada", "school");
        Handin bob = s.handIn(c.code(), s.join(c.code(), "Bob", "school").token(), List.of("sgd:lr=0.05"), null, "school");
        List<Long> adas = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            adas.add(s.handIn(c.code(), ada.token(), List.of("sgd:lr=0.0" + (10 + i)), null, "school").id());
        }

        Board board = s.board(c.code(), c.teacherKey(), "teacher");
        assertThat(board.students()).extracting(st -> st.handins().stream().map(Handin::id).toList())
                .containsExactly(adas.subList(2, 12), List.of(bob.id()));
        assertThat(s.student(c.code(), ada.token(), "school").handins()).extracting(Handin::id)
                .isEqualTo(adas.subList(2, 12));
        assertThat(board.leaderboard()).extracting(Board.Place::handinId).containsExactly(bob.id(), adas.getLast());
        StringWriter csv = new StringWriter();
        s.exportCsv(c.code(), c.teacherKey(), csv);
        assertThat(csv.toString().split("\r\n")).as("a header and every run").hasSize(1 + 13);
    }

    @Test
    void handInsAreLimitedPerStudentAndComeBackWithTime() {
        ClassroomService s = service(new ClassroomProperties(500, 3, 30, 10, 10, 1000));
        ClassroomService.NewClass c = s.create(SCENE, Challenge.NONE, EVERYTHING, "teacher");
        String busy = s.join(c.code(), "busy", "x").token();
        for (int i = 0; i < 3; i++) {
            s.handIn(c.code(), busy, List.of("sgd:lr=0.01"), null, "x");
        }

        RateLimitedException limited = catchThrowableOfType(RateLimitedException.class,
                () -> s.handIn(c.code(), busy, List.of("sgd:lr=0.01"), null, "x"));
        assertThat(limited.getMessage()).contains("3 hand-ins within a minute");
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(20));
        s.handIn(c.code(), s.join(c.code(), "calm", "x").token(), List.of("sgd:lr=0.01"), null, "x");
        clock.advance(Duration.ofSeconds(20));
        s.handIn(c.code(), busy, List.of("sgd:lr=0.01"), null, "x");
    }

    @Test
    void unknownCodesAreLimitedPerAddressWhileKnownOnesNeverAre() {
        ClassroomService s = service();
        String code = s.create(SCENE, Challenge.NONE, EVERYTHING, "teacher").code();
        for (int i = 0; i < 100; i++) {
            s.join(code, "student " + i, "school");
        }
        for (int i = 0; i < 10; i++) {
            assertThat(problem(() -> s.join("ZZZZZZ", "x", "prober"))).isEqualTo(Problem.UNKNOWN_CLASS);
        }

        assertThatThrownBy(() -> s.join("ZZZZZZ", "x", "prober")).isInstanceOf(RateLimitedException.class);
        assertThatThrownBy(() -> s.info(code, null, "prober")).as("a known code tells nothing either").isInstanceOf(RateLimitedException.class);
        assertThat(s.info(code, null, "school").code()).isEqualTo(code);
    }

    @Test
    void aStudentsTokenOrTheTeachersKeyIsNeverRefusedForUnknownCodesFromTheSameAddress() {
        ClassroomService s = service();
        ClassroomService.NewClass c = s.create(SCENE, Challenge.NONE, EVERYTHING, "teacher");
        String token = s.join(c.code(), "Ada", "school").token();
        for (int i = 0; i < 10; i++) {
            problem(() -> s.join("ZZZZZZ", "x", "school"));
        }

        assertThat(s.handIn(c.code(), token, List.of("sgd:lr=0.01"), null, "school").runs()).hasSize(1);
        assertThat(s.student(c.code(), token, "school").name()).isEqualTo("Ada");
        assertThat(s.board(c.code(), c.teacherKey(), "school").students()).hasSize(1);
        assertThat(s.info(c.code(), token, "school").code()).as("the student's page").isEqualTo(c.code());
        assertThatThrownBy(() -> s.info(c.code(), null, "school")).as("a page before joining")
                .isInstanceOf(RateLimitedException.class);
        assertThatThrownBy(() -> s.handIn(c.code(), "nonsense", List.of("sgd:lr=0.01"), null, "school"))
                .as("a wrong token tells nothing either").isInstanceOf(RateLimitedException.class);
        assertThatThrownBy(() -> s.join(c.code(), "Bea", "school")).as("a join proves no secret")
                .isInstanceOf(RateLimitedException.class);
    }

    @Test
    void theTeacherSpotlightsRemovesResetsAndSendsScenesAndEachChangeIsAnEvent() {
        ClassroomService s = service();
        ClassroomService.NewClass c = s.create(SCENE, Challenge.LOWEST, EVERYTHING, "teacher");
        bus.subscribe(c.code(), events::add);
        String token = s.join(c.code(), "Ada", "x").token();
        Handin h = s.handIn(c.code(), token, List.of("sgd:lr=0.01"), null, "x");

        s.spotlight(c.code(), c.teacherKey(), h.id());
        assertThat(s.info(c.code(), null, "x").spotlight().id()).isEqualTo(h.id());
        assertThat(s.info(c.code(), null, "x").spotlightName()).isEqualTo("Ada");
        s.setNamesHidden(c.code(), c.teacherKey(), true);
        assertThat(s.info(c.code(), null, "x").spotlightName()).isNull();
        s.setLocked(c.code(), c.teacherKey(), true);
        assertThat(s.info(c.code(), null, "x").locked()).isTrue();
        assertThat(problem(() -> s.spotlight(c.code(), c.teacherKey(), h.id() + 1000))).isEqualTo(Problem.UNKNOWN_HANDIN);

        s.removeHandin(c.code(), c.teacherKey(), h.id());
        assertThat(s.board(c.code(), c.teacherKey(), "x").spotlight()).as("its spotlight goes with it").isNull();
        assertThat(problem(() -> s.removeHandin(c.code(), c.teacherKey(), h.id()))).isEqualTo(Problem.UNKNOWN_HANDIN);
        s.handIn(c.code(), token, List.of("sgd:lr=0.01"), null, "x");
        s.reset(c.code(), c.teacherKey());
        assertThat(s.board(c.code(), c.teacherKey(), "x").students().getFirst().handins()).isEmpty();

        s.handIn(c.code(), token, List.of("sgd:lr=0.01"), null, "x");
        assertThat(s.sendScene(c.code(), c.teacherKey(), "surface=himmelblau&run=adam")).isEqualTo(2);
        Board board = s.board(c.code(), c.teacherKey(), "x");
        assertThat(board.scene()).startsWith("surface=himmelblau");
        assertThat(board.leaderboard()).as("hand-ins on the old scene do not rank").isEmpty();
        assertThat(board.students().getFirst().handins().getFirst().runs().getFirst().rank()).isNull();

        assertThat(events).extracting(ClassEvent::kind).containsExactly(ClassEvent.Kind.JOINED, ClassEvent.Kind.HANDED_IN,
                ClassEvent.Kind.SETTINGS, ClassEvent.Kind.SETTINGS, ClassEvent.Kind.SETTINGS, ClassEvent.Kind.REMOVED,
                ClassEvent.Kind.HANDED_IN, ClassEvent.Kind.RESET, ClassEvent.Kind.HANDED_IN, ClassEvent.Kind.SCENE);
    }

    @Test
    void closedAndIdleClassesAreRemovedAndTheirCodesMayBeGivenOutAgain() {
        ClassroomService s = new ClassroomService(tables, engine, bus, new ClassroomProperties(500, 20, 30, 10, 10, 1000),
                transactions, clock, new SplittableRandom(7));
        ClassroomService.NewClass closed = s.create(SCENE, Challenge.NONE, EVERYTHING, "teacher");
        ClassroomService.NewClass idle = s.create(SCENE, Challenge.NONE, EVERYTHING, "teacher");
        ClassroomService.NewClass busy = s.create(SCENE, Challenge.NONE, EVERYTHING, "teacher");
        s.join(closed.code(), "a", "x");
        s.setState(closed.code(), closed.teacherKey(), ClassState.CLOSED);
        bus.subscribe(closed.code(), events::add);

        clock.advance(Duration.ofDays(29));
        s.join(busy.code(), "a", "x");
        s.removeExpired();
        assertThat(problem(() -> s.info(closed.code(), null, "x"))).isEqualTo(Problem.UNKNOWN_CLASS);
        assertThat(s.info(idle.code(), null, "x").code()).as("29 days idle").isEqualTo(idle.code());
        assertThat(events).extracting(ClassEvent::kind).containsExactly(ClassEvent.Kind.DELETED);

        clock.advance(Duration.ofDays(2));
        s.removeExpired();
        assertThat(problem(() -> s.info(idle.code(), null, "x"))).isEqualTo(Problem.UNKNOWN_CLASS);
        assertThat(s.info(busy.code(), null, "x").code()).isEqualTo(busy.code());

        ClassroomService sameCodes = new ClassroomService(tables, engine, bus, new ClassroomProperties(500, 20, 30, 10, 10, 1000),
                transactions, clock, new SplittableRandom(7));
        assertThat(sameCodes.create(SCENE, Challenge.NONE, EVERYTHING, "teacher").code()).as("the closed class's code").isEqualTo(closed.code());
    }

    @Test
    void theCsvHasOneRowPerRunThatReplays() throws Exception {
        ClassroomService s = service();
        ClassroomService.NewClass c = s.create(SCENE, Challenge.LOWEST, EVERYTHING, "teacher");
        s.handIn(c.code(), s.join(c.code(), "=Ada, \"the\" first", "x").token(), List.of("sgd:lr=0.02", "adam:lr=0.1"), null, "x");
        StringWriter out = new StringWriter();

        s.exportCsv(c.code(), c.teacherKey(), out);

        String[] lines = out.toString().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo(ClassroomCsv.HEADER);
        List<String> row = fields(lines[2]);
        assertThat(row.get(1)).isEqualTo("'=Ada, \"the\" first");
        assertThat(row.get(14)).startsWith("adam:lr=0.1,");
        RunSpec replay = RunFormat.parse(row.get(15));
        assertThat(Double.parseDouble(row.get(8))).isEqualTo(engine.run(replay, 0).finalLoss());
    }

    /** The fields of one RFC 4180 line. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"((?:[^\"]|\"\")*)\"|([^,]*)").matcher(line);
        int at = 0;
        while (at <= line.length() && m.find(at)) {
            out.add(m.group(1) != null ? m.group(1).replace("\"\"", "\"") : m.group(2));
            at = m.end() + 1;
        }
        return out;
    }

    static Problem problem(Runnable call) {
        return catchThrowableOfType(ClassroomException.class, call::run).problem();
    }
}
