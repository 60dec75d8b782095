package org.lrplayground.classroom;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.lrplayground.classroom.Rows.ClassHandin;
import org.lrplayground.classroom.Rows.ClassHandinRun;
import org.lrplayground.classroom.Rows.ClassStudent;
import org.lrplayground.classroom.Rows.Classroom;
import org.springframework.data.domain.Limit;

/**
 * Reads a class's stored hand-ins back as the board, a student's page and the API show them: each
 * run ranked by the class's challenge among the other students' latest hand-ins. Ranking reads only
 * each student's latest hand-in on the current scene, and the board only each student's latest
 * {@value #SHOWN} hand-ins (the CSV has them all), so that neither grows with the class's history.
 */
final class BoardReader {

    /** Hand-ins per student on the board and a student's page. */
    static final int SHOWN = 10;

    private final ClassroomTables tables;

    BoardReader(ClassroomTables tables) {
        this.tables = tables;
    }

    /** The whole board: every student with their latest {@value #SHOWN} hand-ins, and the leaderboard. */
    Board board(Classroom c) {
        List<ClassHandin> handins = tables.handins().findLatest(c.code(), SHOWN);
        return board(c, handins, runs(handins));
    }

    /** The board with every hand-in, for the CSV. */
    Board everything(Classroom c) {
        return board(c, tables.handins().findLatest(c.code(), Integer.MAX_VALUE), byHandin(
                tables.runs().findByClassCodeOrderByHandinIdAscIdxAsc(c.code())));
    }

    private Board board(Classroom c, List<ClassHandin> handins, Map<Long, List<ClassHandinRun>> runs) {
        List<ClassStudent> students = tables.students().findByClassCodeOrderById(c.code());
        Leaderboard ranking = ranking(c);
        Map<Long, List<Handin>> byStudent = handins.stream().collect(Collectors.groupingBy(ClassHandin::studentId,
                Collectors.mapping(h -> handin(h, runs.getOrDefault(h.id(), List.of()), ranking), Collectors.toList())));
        Map<Long, String> names = students.stream().collect(Collectors.toMap(ClassStudent::id, ClassStudent::name));
        List<Board.Place> places = ranking.entries().stream().map(e -> new Board.Place(
                ranking.rankAmongOthers(e.studentId(), e.score()), e.studentId(), names.get(e.studentId()), e.handinId(),
                e.score())).toList();
        return new Board(c.code(), c.scene(), c.sceneVersion(), c.challenge(), Change.parse(c.allowed()), c.state(),
                c.locked(), c.namesHidden(), c.spotlight(), students.stream().map(s -> new Board.Student(s.id(), s.name(),
                byStudent.getOrDefault(s.id(), List.of()))).toList(), places);
    }

    /** One student with their latest {@value #SHOWN} hand-ins, ranked as on the board. */
    Board.Student student(Classroom c, ClassStudent s) {
        List<ClassHandin> handins = tables.handins().findByStudentIdOrderByIdDesc(s.id(), Limit.of(SHOWN)).reversed();
        Map<Long, List<ClassHandinRun>> runs = runs(handins);
        Leaderboard ranking = ranking(c);
        return new Board.Student(s.id(), s.name(), handins.stream()
                .map(h -> handin(h, runs.getOrDefault(h.id(), List.of()), ranking)).toList());
    }

    /** One stored hand-in, ranked as on the board. */
    Handin handin(Classroom c, long handinId) {
        ClassHandin h = tables.handins().findByIdAndClassCode(handinId, c.code()).orElseThrow();
        return handin(h, tables.runs().findByHandinIdOrderByIdx(h.id()), ranking(c));
    }

    /** Every student's latest hand-in on the current scene, with their runs: all a rank depends on. */
    private Leaderboard ranking(Classroom c) {
        List<ClassHandin> latest = tables.handins().findRanking(c.code(), c.sceneVersion());
        return new Leaderboard(c.challenge(), c.sceneVersion(), latest, runs(latest));
    }

    private Map<Long, List<ClassHandinRun>> runs(List<ClassHandin> handins) {
        return handins.isEmpty() ? Map.of() : byHandin(tables.runs().findByHandinIdInOrderByHandinIdAscIdxAsc(
                handins.stream().map(ClassHandin::id).toList()));
    }

    private static Map<Long, List<ClassHandinRun>> byHandin(List<ClassHandinRun> runs) {
        return runs.stream().collect(Collectors.groupingBy(ClassHandinRun::handinId));
    }

    /** A hand-in as the room sees it in the spotlight: its runs, without ranks. */
    Handin unranked(ClassHandin h) {
        return handin(h, tables.runs().findByHandinIdOrderByIdx(h.id()), null);
    }

    /** @param ranking null for no ranks */
    private static Handin handin(ClassHandin h, List<ClassHandinRun> runs, Leaderboard ranking) {
        return new Handin(h.id(), h.studentId(), h.sceneVersion(), h.handedInAt(), runs.stream().map(r -> new Handin.Run(
                r.idx(), r.run(), r.query(), r.label(), new Handin.Status(r.statusKind(), r.statusStep(), r.statusReason()),
                r.finalLoss(), r.distanceToMinimum(), r.finalGap(), r.lr(), r.metric(),
                ranking == null ? null : ranking.rankOf(h, r.metric()))).toList());
    }
}
