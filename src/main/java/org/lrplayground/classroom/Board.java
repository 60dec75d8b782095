package org.lrplayground.classroom;

import java.util.List;
import java.util.Set;

/**
 * What the teacher's board shows: the class, its students with their latest hand-ins, and the
 * leaderboard of every student's latest hand-in on the current scene, best first.
 *
 * @param scene     the normalised run-format query
 * @param spotlight the hand-in shown to everyone, or null
 */
public record Board(String code, String scene, int sceneVersion, Challenge challenge, Set<Change> allowed,
                    ClassState state, boolean locked, boolean namesHidden, Long spotlight, List<Student> students,
                    List<Place> leaderboard) {

    public Board {
        allowed = Set.copyOf(allowed);
        students = List.copyOf(students);
        leaderboard = List.copyOf(leaderboard);
    }

    /** A student, with their latest hand-ins (all of them in the CSV), oldest first. */
    public record Student(long id, String name, List<Handin> handins) {
        public Student {
            handins = List.copyOf(handins);
        }
    }

    /**
     * A place on the leaderboard: a student's latest hand-in on the current scene, scored by its best run.
     *
     * @param rank 1 for the best; students with equal metrics share a rank
     */
    public record Place(int rank, long studentId, String name, long handinId, Double metric) {
    }
}
