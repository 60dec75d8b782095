package org.lrplayground.classroom;

import java.util.Collection;
import java.util.List;
import org.lrplayground.classroom.Rows.ClassHandinRun;
import org.springframework.data.repository.Repository;

/** The {@code class_handin_run} table, read by class so that a board needs one query for every run. */
interface HandinRunRepository extends Repository<ClassHandinRun, Long> {

    <S extends ClassHandinRun> Iterable<S> saveAll(Iterable<S> runs);

    List<ClassHandinRun> findByClassCodeOrderByHandinIdAscIdxAsc(String classCode);

    List<ClassHandinRun> findByHandinIdOrderByIdx(long handinId);

    List<ClassHandinRun> findByHandinIdInOrderByHandinIdAscIdxAsc(Collection<Long> handinIds);
}
