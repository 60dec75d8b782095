package org.lrplayground.classroom;

import java.util.List;
import java.util.Optional;
import org.lrplayground.classroom.Rows.ClassStudent;
import org.springframework.data.repository.Repository;

/** The {@code class_student} table. */
interface StudentRepository extends Repository<ClassStudent, Long> {

    /**
     * @throws org.springframework.dao.DuplicateKeyException when the class has a student of this name
     */
    ClassStudent save(ClassStudent student);

    Optional<ClassStudent> findById(long id);

    Optional<ClassStudent> findByTokenHash(String tokenHash);

    long countByClassCode(String classCode);

    List<ClassStudent> findByClassCodeOrderById(String classCode);
}
