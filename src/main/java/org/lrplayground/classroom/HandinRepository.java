package org.lrplayground.classroom;

import java.util.List;
import java.util.Optional;
import org.lrplayground.classroom.Rows.ClassHandin;
import org.springframework.data.domain.Limit;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** The {@code class_handin} table; a hand-in's runs go with it (the foreign key cascades). */
interface HandinRepository extends Repository<ClassHandin, Long> {

    ClassHandin save(ClassHandin handin);

    Optional<ClassHandin> findByIdAndClassCode(long id, String classCode);

    /**
     * Each student's latest hand-in on scene {@code sceneVersion}, oldest first: what ranks. Read
     * per student through an index, so it costs as much at the thousandth hand-in as at the first.
     */
    @Query("""
            select h.* from class_student s
            join class_handin h on h.id = (select max(l.id) from class_handin l
                                          where l.student_id = s.id and l.scene_version = :sceneVersion)
            where s.class_code = :classCode
            order by h.id""")
    List<ClassHandin> findRanking(String classCode, int sceneVersion);

    /** The latest {@code perStudent} hand-ins of each student of the class, oldest first. */
    @Query("""
            select id, class_code, student_id, scene_version, handed_in_at from (
                select h.*, row_number() over (partition by h.student_id order by h.id desc) as newer
                from class_handin h where h.class_code = :classCode) latest
            where newer <= :perStudent
            order by id""")
    List<ClassHandin> findLatest(String classCode, int perStudent);

    List<ClassHandin> findByStudentIdOrderByIdDesc(long studentId, Limit limit);

    @Modifying
    @Query("delete from class_handin where id = :id and class_code = :classCode")
    boolean deleteByIdAndClassCode(long id, String classCode);

    @Modifying
    @Query("delete from class_handin where class_code = :classCode")
    void deleteByClassCode(String classCode);
}
