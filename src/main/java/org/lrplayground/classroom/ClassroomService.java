package org.lrplayground.classroom;

import java.io.IOException;
import java.io.Writer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.lrplayground.classroom.ClassroomException.Problem;
import org.lrplayground.classroom.Rows.Classroom;
import org.lrplayground.classroom.Rows.ClassHandin;
import org.lrplayground.classroom.Rows.ClassHandinRun;
import org.lrplayground.classroom.Rows.ClassStudent;
import org.lrplayground.engine.format.FormatException;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.link.PageLink;
import org.lrplayground.engine.param.Param;
import org.lrplayground.engine.run.RunConfig;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.race.RunService;
import org.lrplayground.race.RunService.FinishedRun;
import org.lrplayground.share.RateLimitedException;
import org.lrplayground.share.RateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hosted classes: a teacher makes a class from a scene, students join it with its code and hand
 * in runs, which the server computes again with the engine and ranks by the class's challenge.
 *
 * <p>Codes are 6 characters of {@value #ALPHABET} (no 0/O, 1/I/L: read off a projector), unique
 * among the classes that exist; a removed class's code may be given out again. Codes are short
 * enough to guess, so attempts with unknown codes are limited per client address: once an address
 * has used up its attempts, every code it tries is refused for a while, known or not, so that the
 * answers tell nothing; but a caller with a valid student token or teacher key never is. Attempts
 * with a known code are never counted, so a whole class behind one school address joins at once.
 *
 * <p>Every change is stored first and then published to {@link ClassEvents}.
 */
@Service
public class ClassroomService {

    public static final int CODE_LENGTH = 6;
    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    /** Far above any normalised scene (12 runs and a 500-character expression are about 5 000). */
    public static final int MAX_SCENE = 16_000;

    private static final Logger log = LoggerFactory.getLogger(ClassroomService.class);
    private static final Pattern CODE = Pattern.compile("[" + ALPHABET + "]{" + CODE_LENGTH + "}");
    /** With few classes among 31⁶ codes a collision is rare; a few tries make failing impossible in practice. */
    private static final int TRIES = 5;

    /** A new class: the code students join with, and the key that opens its board (shown once, stored hashed). */
    public record NewClass(String code, String teacherKey) {
    }

    /** A student who joined: the token stands for them in the API and in their cookie (stored hashed). */
    public record Joined(long studentId, String token) {
    }

    /** What the teacher sets, of the class {@code code}. */
    private record Settings(String code, ClassState state, boolean locked, boolean namesHidden, Long spotlight) {
    }

    private final ClassroomTables tables;
    private final BoardReader boards;
    private final RunService engine;
    private final ClassEvents events;
    private final ClassroomProperties limits;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final RandomGenerator random;
    private final RateLimiter handins;
    private final RateLimiter unknownCodes;
    private final RateLimiter newClasses;

    @Autowired
    public ClassroomService(ClassroomTables tables, RunService engine, ClassEvents events, ClassroomProperties limits,
                            TransactionTemplate transactions) {
        this(tables, engine, events, limits, transactions, Clock.systemUTC(), new SecureRandom());
    }

    ClassroomService(ClassroomTables tables, RunService engine, ClassEvents events, ClassroomProperties limits,
                     TransactionTemplate transactions, Clock clock, RandomGenerator random) {
        this.tables = tables;
        this.boards = new BoardReader(tables);
        this.engine = engine;
        this.events = events;
        this.limits = limits;
        this.transactions = transactions;
        this.clock = clock;
        this.random = random;
        this.handins = new RateLimiter("hand-ins", limits.handinsPerMinute(), clock);
        this.unknownCodes = new RateLimiter("attempts with unknown class codes", limits.unknownCodesPerMinute(), clock);
        this.newClasses = new RateLimiter("classes", limits.classesPerHour(), Duration.ofHours(1), clock);
    }

    /**
     * A new open class.
     *
     * @param scene  a run-format query (an address bar's, with or without '?'); stored normalised
     * @param client the caller's address, which new classes are counted against
     * @throws FormatException      for {@code scene…} when it is no valid scene
     * @throws RateLimitedException after {@code lrp.classroom.classes-per-hour} classes from {@code client},
     *                              or while the server holds {@code lrp.classroom.max-classes}
     */
    public NewClass create(String scene, Challenge challenge, Set<Change> allowed, String client) {
        String normalised = normalise(scene);
        // Counted, not locked: a few creations at the same moment may pass the total by as many,
        // which the bound (there to keep a flood from filling the database) can bear.
        if (tables.classes().count() >= limits.maxClasses()) {
            throw new RateLimitedException("This server holds " + limits.maxClasses() + " classes, the most it may."
                    + " Closed and idle classes are removed every hour: try again then.", Duration.ofHours(1));
        }
        newClasses.take(client);
        String key = Secrets.random(random);
        for (int attempt = 1; ; attempt++) {
            String code = newCode();
            try {
                tables.classes().insert(code, normalised, challenge.name(), Change.format(allowed), Secrets.hash(key),
                        clock.instant());
                return new NewClass(code, key);
            } catch (DuplicateKeyException e) {
                if (attempt == TRIES) {
                    throw new IllegalStateException(TRIES + " random class codes in a row were taken", e);
                }
            }
        }
    }

    /**
     * Joins a student to an open or paused class.
     *
     * @param client the caller's address, which unknown codes are counted against
     * @throws ClassroomException            UNKNOWN_CLASS, NOT_OPEN (closed), BAD_NAME, NAME_TAKEN or CLASS_FULL
     * @throws org.lrplayground.share.RateLimitedException after too many unknown codes from {@code client}
     */
    public Joined join(String code, String name, String client) {
        Classroom c = find(code, client, anyone -> false);
        if (c.state() == ClassState.CLOSED) {
            throw closed();
        }
        Nickname nickname = new Nickname(name);
        String token = Secrets.random(random);
        ClassStudent student;
        try {
            student = transactions.execute(status -> {
                // Counting and joining under the class row's lock: a room joining at once at the
                // cap takes turns, where counting alone let every join that counted first in.
                tables.classes().lock(c.code());
                if (tables.students().countByClassCode(c.code()) >= limits.maxStudents()) {
                    throw new ClassroomException(Problem.CLASS_FULL, "this class has " + limits.maxStudents()
                            + " students, as many as a class may have");
                }
                tables.classes().touch(c.code(), clock.instant());
                return tables.students().save(new ClassStudent(null, c.code(), nickname.text(), nickname.key(),
                        Secrets.hash(token), clock.instant()));
            });
        } catch (DuplicateKeyException e) {
            throw new ClassroomException(Problem.NAME_TAKEN, "someone in this class is already called '"
                    + nickname.text() + "' or a name that looks the same: please pick another nickname", "name");
        }
        events.publish(c.code(), ClassEvent.Kind.JOINED);
        return new Joined(student.id(), token);
    }

    /**
     * Computes a student's runs on the class scene and stores them with their results.
     *
     * @param runs         one to {@value RunSpec#MAX_RUNS} runs in the run format, e.g. {@code adam:lr=0.05}
     * @param sceneVersion the version of the class scene the runs were made on, or null for "the
     *                     current one" (an API client that does not pin it); a page always sends it
     * @return the hand-in, each run ranked among the other students' latest hand-ins
     * @throws FormatException    for {@code run} or {@code run[i]…}: a bad run, or one changing what the
     *                            class keeps (everything, while the teacher has locked editing), or for
     *                            {@code steps} when the runs cost more than the work budget allows
     * @throws ClassroomException UNKNOWN_CLASS, NOT_SIGNED_IN, WRONG_SECRET, NOT_OPEN (paused, closed) or
     *                            STALE_SCENE (the teacher has sent another scene since)
     * @throws org.lrplayground.share.RateLimitedException after too many hand-ins, or unknown codes
     */
    public Handin handIn(String code, String studentToken, List<String> runs, Integer sceneVersion, String client) {
        Classroom c = find(code, client, k -> studentOf(k, studentToken).isPresent());
        ClassStudent student = student(c, studentToken);
        if (c.state() != ClassState.OPEN) {
            throw c.state() == ClassState.CLOSED ? closed()
                    : new ClassroomException(Problem.NOT_OPEN, "the teacher has paused the class: hand in when it goes on");
        }
        if (sceneVersion != null && sceneVersion != c.sceneVersion()) {
            throw new ClassroomException(Problem.STALE_SCENE, "these runs were made on scene " + sceneVersion
                    + ", and the teacher has sent scene " + c.sceneVersion() + " since: run the new scene and hand that in",
                    "sceneVersion");
        }
        handins.take(Long.toString(student.id()));
        RunSpec scene = RunFormat.parse(c.scene());
        List<String> texts = runs == null ? List.of() : runs;
        if (texts.isEmpty() || texts.size() > RunSpec.MAX_RUNS) {
            throw new FormatException("run", "a hand-in has 1 to " + RunSpec.MAX_RUNS + " runs, not " + texts.size(),
                    List.of("1 to " + RunSpec.MAX_RUNS + " run= fields, e.g. run=adam:lr=0.05"));
        }
        // A locked class keeps everything: its runs are handed in as the scene has them.
        Set<Change> allowed = c.locked() ? Set.of() : Change.parse(c.allowed());
        List<RunConfig> configs = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            RunConfig run = RunFormat.parseRun(i, texts.get(i) == null ? "" : texts.get(i), scene.steps());
            Change.check(allowed, scene, i, run);
            configs.add(run);
        }
        RunSpec spec = scene.withRuns(configs);
        engine.check(spec);
        List<FinishedRun> finished = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            finished.add(engine.run(spec, i));
        }
        Instant now = clock.instant();
        ClassHandin handin = transactions.execute(status -> {
            ClassHandin h = tables.handins().save(new ClassHandin(null, c.code(), student.id(), c.sceneVersion(), now));
            tables.runs().saveAll(finished.stream().map(f -> row(h, spec, c.challenge(), f)).toList());
            tables.classes().touch(c.code(), now);
            return h;
        });
        events.publish(c.code(), ClassEvent.Kind.HANDED_IN);
        // Ranked as the board ranks it, without the rest of the board: a room handing in at once
        // would otherwise build every student's hand-ins for each of theirs.
        return boards.handin(c, handin.id());
    }

    /**
     * The teacher's board.
     *
     * @throws ClassroomException UNKNOWN_CLASS, NOT_SIGNED_IN or WRONG_SECRET
     */
    public Board board(String code, String teacherKey, String client) {
        Classroom c = find(code, client, k -> hasKey(k, teacherKey));
        checkKey(c, teacherKey);
        return boards.board(c);
    }

    /**
     * What a student's page shows, for anyone with the code.
     *
     * @param studentToken the token of the page's student, or null before they join: with a valid one
     *                     the page opens even after {@code client} has used up its unknown codes
     * @throws ClassroomException UNKNOWN_CLASS
     */
    public ClassInfo info(String code, String studentToken, String client) {
        Classroom c = find(code, client, k -> studentOf(k, studentToken).isPresent());
        Optional<ClassHandin> shown = Optional.ofNullable(c.spotlight())
                .flatMap(id -> tables.handins().findByIdAndClassCode(id, c.code()));
        Handin spotlight = shown.map(boards::unranked).orElse(null);
        String name = shown.filter(h -> !c.namesHidden())
                .flatMap(h -> tables.students().findById(h.studentId())).map(ClassStudent::name).orElse(null);
        return new ClassInfo(c.code(), c.scene(), c.sceneVersion(), c.challenge(), Change.parse(c.allowed()), c.state(),
                c.locked(), c.namesHidden(), spotlight, name);
    }

    /**
     * The student a token stands for, with their hand-ins as ranked now: for a student's page that
     * found the token in its cookie.
     *
     * @throws ClassroomException UNKNOWN_CLASS, NOT_SIGNED_IN or WRONG_SECRET
     */
    public Board.Student student(String code, String studentToken, String client) {
        Classroom c = find(code, client, k -> studentOf(k, studentToken).isPresent());
        return boards.student(c, student(c, studentToken));
    }

    /** Opens or pauses the class, or closes it for good. */
    public void setState(String code, String teacherKey, ClassState state) {
        changeSettings(code, teacherKey, state == ClassState.CLOSED ? ClassEvent.Kind.CLOSED : ClassEvent.Kind.SETTINGS,
                s -> new Settings(s.code(), state, s.locked(), s.namesHidden(), s.spotlight()));
    }

    /** Whether students may edit their runs: for their page, which shows the scene read-only when locked. */
    public void setLocked(String code, String teacherKey, boolean locked) {
        changeSettings(code, teacherKey, ClassEvent.Kind.SETTINGS,
                s -> new Settings(s.code(), s.state(), locked, s.namesHidden(), s.spotlight()));
    }

    /** Whether pages other than the board show students' nicknames. */
    public void setNamesHidden(String code, String teacherKey, boolean hidden) {
        changeSettings(code, teacherKey, ClassEvent.Kind.SETTINGS,
                s -> new Settings(s.code(), s.state(), s.locked(), hidden, s.spotlight()));
    }

    /**
     * Shows a hand-in to everyone, or none.
     *
     * @param handinId a hand-in of this class, or null for none
     * @throws ClassroomException UNKNOWN_HANDIN for a hand-in of no such id in this class
     */
    public void spotlight(String code, String teacherKey, Long handinId) {
        changeSettings(code, teacherKey, ClassEvent.Kind.SETTINGS, s -> {
            if (handinId != null && tables.handins().findByIdAndClassCode(handinId, s.code()).isEmpty()) {
                throw unknownHandin(handinId);
            }
            return new Settings(s.code(), s.state(), s.locked(), s.namesHidden(), handinId);
        });
    }

    /** @throws ClassroomException UNKNOWN_HANDIN for a hand-in of no such id in this class */
    public void removeHandin(String code, String teacherKey, long handinId) {
        Classroom c = openToTeacher(code, teacherKey);
        transactions.executeWithoutResult(status -> {
            if (!tables.handins().deleteByIdAndClassCode(handinId, c.code())) {
                throw unknownHandin(handinId);
            }
            tables.classes().clearSpotlight(c.code(), handinId);
            tables.classes().touch(c.code(), clock.instant());
        });
        events.publish(c.code(), ClassEvent.Kind.REMOVED);
    }

    /** Deletes every hand-in of the class (students stay). */
    public void reset(String code, String teacherKey) {
        Classroom c = openToTeacher(code, teacherKey);
        transactions.executeWithoutResult(status -> {
            tables.handins().deleteByClassCode(c.code());
            tables.classes().saveSettings(c.code(), c.state().name(), c.locked(), c.namesHidden(), null, clock.instant());
        });
        events.publish(c.code(), ClassEvent.Kind.RESET);
    }

    /**
     * Replaces the class scene. Hand-ins on the old one stay on the board but no longer rank.
     *
     * @return the new scene's version
     * @throws FormatException for {@code scene…} when it is no valid scene
     */
    public int sendScene(String code, String teacherKey, String scene) {
        String normalised = normalise(scene);
        Classroom c = openToTeacher(code, teacherKey);
        tables.classes().replaceScene(c.code(), normalised, clock.instant());
        events.publish(c.code(), ClassEvent.Kind.SCENE);
        return c.sceneVersion() + 1;
    }

    /** Writes every run of every hand-in as CSV ({@link ClassroomCsv}), also of a closed class. */
    public void exportCsv(String code, String teacherKey, Writer out) throws IOException {
        Classroom c = existing(code);
        checkKey(c, teacherKey);
        ClassroomCsv.write(boards.everything(c), out);
    }

    /**
     * Removes closed classes and those idle for {@code lrp.classroom.idle-days}, with their students
     * and hand-ins; their codes may then be given out again.
     */
    @Scheduled(initialDelay = 1, fixedDelay = 60, timeUnit = java.util.concurrent.TimeUnit.MINUTES)
    public void removeExpired() {
        Instant idleSince = clock.instant().minus(Duration.ofDays(limits.idleDays()));
        List<Classroom> expired = tables.classes().findExpired(idleSince);
        for (Classroom c : expired) {
            tables.classes().delete(c.code());
            events.publish(c.code(), ClassEvent.Kind.DELETED);
        }
        if (!expired.isEmpty()) {
            log.info("Removed {} closed or idle classes", expired.size());
        }
    }

    private static ClassHandinRun row(ClassHandin handin, RunSpec spec, Challenge challenge, FinishedRun run) {
        RunConfig config = run.config();
        Param lr = config.optimizer().method().param("lr");
        double fStar = spec.surface().fStar(spec.box());
        return new ClassHandinRun(null, handin.id(), handin.classCode(), run.index(), RunFormat.formatRun(config),
                RunFormat.format(spec.withRuns(List.of(config))), config.label(), run.status().kind().id(),
                run.status().step(), run.status().reason(), finite(run.finalLoss()), finite(run.distanceToMinimum()),
                finite(run.finalLoss() - fStar), lr == null ? null : finite(config.optimizer().values().get(lr)),
                finite(challenge.metric(run)));
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private void changeSettings(String code, String teacherKey, ClassEvent.Kind kind, UnaryOperator<Settings> change) {
        Classroom c = openToTeacher(code, teacherKey);
        Settings s = change.apply(new Settings(c.code(), c.state(), c.locked(), c.namesHidden(), c.spotlight()));
        tables.classes().saveSettings(c.code(), s.state().name(), s.locked(), s.namesHidden(), s.spotlight(), clock.instant());
        events.publish(c.code(), kind);
    }

    /** A class the teacher may still change: any but a closed one. */
    private Classroom openToTeacher(String code, String teacherKey) {
        Classroom c = existing(code);
        checkKey(c, teacherKey);
        if (c.state() == ClassState.CLOSED) {
            throw closed();
        }
        return c;
    }

    /**
     * The class of a code from outside, counting the code against {@code client} when it names none.
     * Once {@code client} has used up its attempts, known codes are refused too, so that the answers
     * tell nothing; but not to a caller proving a secret of the class ({@code secret}): a class behind
     * one school address stays usable while someone there guesses codes.
     */
    private Classroom find(String code, String client, Predicate<Classroom> secret) {
        Optional<Classroom> c = lookUp(code);
        if (c.isEmpty()) {
            unknownCodes.take(client);
            throw unknownClass(code);
        }
        if (!secret.test(c.get())) {
            unknownCodes.check(client);
        }
        return c.get();
    }

    /** The class of a code that a board already showed: not counted, since its caller holds the key. */
    private Classroom existing(String code) {
        return lookUp(code).orElseThrow(() -> unknownClass(code));
    }

    /** Codes are read off a projector: lower case is accepted. */
    private Optional<Classroom> lookUp(String code) {
        String normal = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        return CODE.matcher(normal).matches() ? tables.classes().findById(normal) : Optional.empty();
    }

    private static void checkKey(Classroom c, String teacherKey) {
        if (teacherKey == null || teacherKey.isBlank()) {
            throw new ClassroomException(Problem.NOT_SIGNED_IN, "the board needs the class's teacher key");
        }
        if (!hasKey(c, teacherKey)) {
            throw new ClassroomException(Problem.WRONG_SECRET, "this is not the teacher key of class " + c.code());
        }
    }

    private static boolean hasKey(Classroom c, String teacherKey) {
        return teacherKey != null && Secrets.matches(teacherKey, c.teacherKeyHash());
    }

    private Optional<ClassStudent> studentOf(Classroom c, String token) {
        return token == null || token.isBlank() ? Optional.empty()
                : tables.students().findByTokenHash(Secrets.hash(token)).filter(s -> s.classCode().equals(c.code()));
    }

    private ClassStudent student(Classroom c, String token) {
        if (token == null || token.isBlank()) {
            throw new ClassroomException(Problem.NOT_SIGNED_IN, "join the class first: a hand-in needs the student token");
        }
        return studentOf(c, token).orElseThrow(() -> new ClassroomException(Problem.WRONG_SECRET,
                        "this student token is not one of class " + c.code() + ": join it again"));
    }

    private static String normalise(String scene) {
        String query = scene == null ? "" : scene.strip();
        query = query.startsWith("?") ? query.substring(1) : query;
        if (query.isEmpty()) {
            throw new FormatException("scene", "a class needs a scene",
                    List.of("a run-format query such as surface=booth&run=adam:lr=0.05"));
        }
        if (query.length() > MAX_SCENE) {
            throw new FormatException("scene", "the scene is " + query.length() + " characters long",
                    List.of("at most " + MAX_SCENE));
        }
        try {
            return RunFormat.format(PageLink.spec(query));
        } catch (FormatException e) {
            throw e.within("scene");
        } catch (IllegalArgumentException e) {
            throw new FormatException("scene", e.getMessage(), List.of());
        }
    }

    private String newCode() {
        char[] code = new char[CODE_LENGTH];
        for (int i = 0; i < code.length; i++) {
            code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    private static ClassroomException unknownClass(String code) {
        String shown = code == null ? "" : code.length() > 12 ? code.substring(0, 12) + "…" : code;
        return new ClassroomException(Problem.UNKNOWN_CLASS, "there is no class with the code '" + shown
                + "': check the code (6 letters and digits), or the class may have ended");
    }

    private static ClassroomException unknownHandin(long id) {
        return new ClassroomException(Problem.UNKNOWN_HANDIN, "this class has no hand-in " + id);
    }

    private static ClassroomException closed() {
        return new ClassroomException(Problem.NOT_OPEN, "the class is closed");
    }
}
