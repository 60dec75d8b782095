package org.lrplayground.classroom;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lrplayground.classroom.Rows.ClassHandin;
import org.lrplayground.classroom.Rows.ClassHandinRun;

/**
 * The ranking of a class: every student's latest hand-in on the current scene counts once, scored
 * by its best run. Lower metrics are better, a missing one (null) ranks after every number, and
 * equal scores share a rank; without a challenge nothing is ranked.
 */
final class Leaderboard {

    /** A student's counting hand-in and its score. */
    record Entry(long studentId, long handinId, Double score) {
    }

    private static final Comparator<Double> METRIC = Comparator.comparingDouble(Leaderboard::orNaN);

    private final boolean ranked;
    private final int sceneVersion;
    private final List<Entry> entries;

    /** @param handins the class's hand-ins, oldest first, or only each student's latest; {@code runs} of each by hand-in id */
    Leaderboard(Challenge challenge, int sceneVersion, List<ClassHandin> handins, Map<Long, List<ClassHandinRun>> runs) {
        this.ranked = challenge != Challenge.NONE;
        this.sceneVersion = sceneVersion;
        Map<Long, Entry> latest = new LinkedHashMap<>();
        for (ClassHandin h : handins) {
            if (ranked && h.sceneVersion() == sceneVersion) {
                Double score = runs.getOrDefault(h.id(), List.of()).stream().map(ClassHandinRun::metric)
                        .filter(Objects::nonNull).min(METRIC).orElse(null);
                latest.remove(h.studentId());
                latest.put(h.studentId(), new Entry(h.studentId(), h.id(), score));
            }
        }
        List<Entry> sorted = new ArrayList<>(latest.values());
        sorted.sort(Comparator.comparing(Entry::score, METRIC)); // stable: equal scores keep hand-in order
        this.entries = List.copyOf(sorted);
    }

    /** The counting hand-ins, best first. */
    List<Entry> entries() {
        return entries;
    }

    /** 1 + the students other than {@code studentId} whose score beats {@code metric}. */
    int rankAmongOthers(long studentId, Double metric) {
        return 1 + (int) entries.stream()
                .filter(e -> e.studentId() != studentId && METRIC.compare(e.score(), metric) < 0).count();
    }

    /** A run's rank, or null when it is not ranked: no challenge, or a hand-in on an older scene. */
    Integer rankOf(ClassHandin handin, Double metric) {
        return ranked && handin.sceneVersion() == sceneVersion ? rankAmongOthers(handin.studentId(), metric) : null;
    }

    private static double orNaN(Double metric) {
        return metric == null ? Double.NaN : metric;
    }
}
