package org.lrplayground.classroom;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.lrplayground.classroom.Rows.Classroom;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * The {@code classroom} table. Classes are changed column by column, so that a student's hand-in
 * touching {@code last_active_at} never overwrites the teacher's settings made at the same moment.
 */
interface ClassRepository extends Repository<Classroom, String> {

    /**
     * Inserts a new class (the code is assigned, so Spring Data's save would try an update).
     *
     * @throws org.springframework.dao.DuplicateKeyException when the code is taken
     */
    @Modifying
    @Query("""
            insert into classroom (code, scene, scene_version, challenge, allowed, teacher_key_hash, state, locked,
                                   names_hidden, spotlight, created_at, last_active_at)
            values (:code, :scene, 1, :challenge, :allowed, :teacherKeyHash, 'OPEN', false, false, null, :at, :at)""")
    void insert(String code, String scene, String challenge, String allowed, String teacherKeyHash, Instant at);

    Optional<Classroom> findById(String code);

    @Query("select count(*) from classroom")
    long count();

    /** Holds the class's row until the transaction ends, so that joins to it count its students in turn. */
    @Query("select code from classroom where code = :code for update")
    Optional<String> lock(String code);

    @Modifying
    @Query("update classroom set last_active_at = :at where code = :code")
    void touch(String code, Instant at);

    @Modifying
    @Query("""
            update classroom set state = :state, locked = :locked, names_hidden = :namesHidden, spotlight = :spotlight,
                                 last_active_at = :at
            where code = :code""")
    void saveSettings(String code, String state, boolean locked, boolean namesHidden, Long spotlight, Instant at);

    @Modifying
    @Query("update classroom set scene = :scene, scene_version = scene_version + 1, last_active_at = :at where code = :code")
    void replaceScene(String code, String scene, Instant at);

    @Modifying
    @Query("update classroom set spotlight = null where code = :code and spotlight = :handin")
    void clearSpotlight(String code, long handin);

    /** Closed classes, and open or paused ones unchanged since {@code idleSince}. */
    @Query("select * from classroom where state = 'CLOSED' or last_active_at < :idleSince")
    List<Classroom> findExpired(Instant idleSince);

    /** Deletes the class with its students and hand-ins (the foreign keys cascade). */
    @Modifying
    @Query("delete from classroom where code = :code")
    void delete(String code);
}
