package org.lrplayground.classroom;

import java.time.Instant;
import java.util.List;

/**
 * A student's hand-in as the server computed it.
 *
 * @param sceneVersion the class scene's version it was computed on; only hand-ins on the current one are ranked
 */
public record Handin(long id, long studentId, int sceneVersion, Instant handedInAt, List<Run> runs) {

    public Handin {
        runs = List.copyOf(runs);
    }

    /**
     * One run, with the run API's fields. Numbers that are not finite are null.
     *
     * @param run       the run in the run format, e.g. {@code adam:lr=0.05,…}
     * @param query     the class scene with this run alone: replays it in the playground or the run API
     * @param finalGap  the final loss minus the surface's f*
     * @param lr        the optimizer's lr; null for one without
     * @param metric    the class challenge's number, lower is better
     * @param rank      where the run places among the other students' latest hand-ins (1 = best,
     *                  ties share a rank); null without a challenge or on an older scene
     */
    public record Run(int index, String run, String query, String label, Status status, Double finalLoss,
                      Double distanceToMinimum, Double finalGap, Double lr, Double metric, Integer rank) {
    }

    /** As in the run API: {@code kind} is converged, diverged, left-box or max-steps. */
    public record Status(String kind, int step, String reason) {
    }
}
