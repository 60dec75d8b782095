package org.lrplayground.classroom;

import java.util.List;
import java.util.Optional;
import org.lrplayground.classroom.Rows.ClassHandin;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** The {@code class_handin} table; a hand-in's runs go with it (the foreign key cascades). */
interface HandinRepository extends Repository<ClassHandin, Long> {

    ClassHandin save(ClassHandin handin);

    Optional<ClassHandin> findByIdAndClassCode(long id, String classCode);

    List<ClassHandin> findByClassCodeOrderById(String classCode);

    @Modifying
    @Query("delete from class_handin where id = :id and class_code = :classCode")
    boolean deleteByIdAndClassCode(long id, String classCode);

    @Modifying
    @Query("delete from class_handin where class_code = :classCode")
    void deleteByClassCode(String classCode);
}
