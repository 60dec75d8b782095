package org.lrplayground.classroom;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.lrplayground.classroom.Rows.ClassHandin;
import org.lrplayground.classroom.Rows.ClassHandinRun;
import org.lrplayground.classroom.Rows.ClassStudent;
import org.lrplayground.classroom.Rows.Classroom;

/**
 * Reads a class's stored hand-ins back as the board, a student's page and the API show them: each
 * run ranked by the class's challenge among the other students' latest hand-ins. A rank depends on
 * every hand-in of the class, so each answer reads them all, but builds only what it returns.
 */
final class BoardReader {

    private final ClassroomTables tables;

    BoardReader(ClassroomTables tables) {
        this.tables = tables;
    }

    /** A class's hand-ins, oldest first, their runs by hand-in id, and the ranking they make. */
    private record Ranked(List<ClassHandin> handins, Map<Long, List<ClassHandinRun>> runs, Leaderboard ranking) {

        Handin handin(ClassHandin h) {
            return BoardReader.handin(h, runs.getOrDefault(h.id(), List.of()), ranking);
        }
    }

    private Ranked ranked(Classroom c) {
        List<ClassHandin> handins = tables.handins().findByClassCodeOrderById(c.code());
        Map<Long, List<ClassHandinRun>> runs = tables.runs().findByClassCodeOrderByHandinIdAscIdxAsc(c.code()).stream()
                .collect(Collectors.groupingBy(ClassHandinRun::handinId));
        return new Ranked(handins, runs, new Leaderboard(c.challenge(), c.sceneVersion(), handins, runs));
    }

    /** The whole board: every student with their hand-ins, and the leaderboard. */
    Board board(Classroom c) {
        List<ClassStudent> students = tables.students().findByClassCodeOrderById(c.code());
        Ranked ranked = ranked(c);
        Leaderboard ranking = ranked.ranking();
        Map<Long, List<Handin>> byStudent = ranked.handins().stream().collect(Collectors.groupingBy(ClassHandin::studentId,
                Collectors.mapping(ranked::handin, Collectors.toList())));
        Map<Long, String> names = students.stream().collect(Collectors.toMap(ClassStudent::id, ClassStudent::name));
        List<Board.Place> places = ranking.entries().stream().map(e -> new Board.Place(
                ranking.rankAmongOthers(e.studentId(), e.score()), e.studentId(), names.get(e.studentId()), e.handinId(),
                e.score())).toList();
        return new Board(c.code(), c.scene(), c.sceneVersion(), c.challenge(), Change.parse(c.allowed()), c.state(),
                c.locked(), c.namesHidden(), c.spotlight(), students.stream().map(s -> new Board.Student(s.id(), s.name(),
                byStudent.getOrDefault(s.id(), List.of()))).toList(), places);
    }

    /** One student with their hand-ins, ranked as on the board, without building the others'. */
    Board.Student student(Classroom c, ClassStudent s) {
        Ranked ranked = ranked(c);
        return new Board.Student(s.id(), s.name(), ranked.handins().stream().filter(h -> h.studentId() == s.id())
                .map(ranked::handin).toList());
    }

    /** One stored hand-in, ranked as on the board. */
    Handin handin(Classroom c, long handinId) {
        Ranked ranked = ranked(c);
        return ranked.handins().stream().filter(h -> h.id() == handinId).findFirst().map(ranked::handin).orElseThrow();
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
