package org.lrplayground.classroom;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The rows of V3__classroom.sql, each named as its table (Spring Data would quote an explicit name,
 * which H2 and PostgreSQL then read in different cases). Each table is its own aggregate: a board loads a class's students,
 * hand-ins and runs in one query each, rather than one per hand-in.
 */
final class Rows {

    private Rows() {
    }

    /** {@code allowed} holds {@link Change#format}'s ids. */
    @Table
    record Classroom(@Id String code, String scene, int sceneVersion, Challenge challenge, String allowed,
                    String teacherKeyHash, ClassState state, boolean locked, boolean namesHidden, Long spotlight,
                    Instant createdAt, Instant lastActiveAt) {
    }

    @Table
    record ClassStudent(@Id Long id, String classCode, String name, String nameKey, String tokenHash, Instant joinedAt) {
    }

    @Table
    record ClassHandin(@Id Long id, String classCode, long studentId, int sceneVersion, Instant handedInAt) {
    }

    /** A run as the server computed it; numbers that are not finite are null. */
    @Table
    record ClassHandinRun(@Id Long id, long handinId, String classCode, int idx, String run, String query, String label,
                  String statusKind, int statusStep, String statusReason, Double finalLoss, Double distanceToMinimum,
                  Double finalGap, Double lr, Double metric) {
    }
}
