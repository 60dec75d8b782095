package org.lrplayground.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lrplayground.Databases.start;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lrplayground.Databases;
import org.lrplayground.race.RunService;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/** A class's limits hold when a room's requests arrive at once, on H2 and on PostgreSQL ({@link Databases}). */
class ClassroomConcurrencyTest {

    private static final int CAP = 10, JOINS = 40;

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void joinsReleasedTogetherAtTheCapLetInExactlyTheCap(String database) throws Exception {
        try (ConfigurableApplicationContext app = start(Databases.arguments(database, dataDir));
             ExecutorService threads = Executors.newFixedThreadPool(JOINS)) {
            ClassroomService classes = new ClassroomService(app.getBean(ClassroomTables.class), app.getBean(RunService.class),
                    new LocalClassEvents(), new ClassroomProperties(CAP, 20, 30, 10, 10, 1000), app.getBean(TransactionTemplate.class),
                    Clock.systemUTC(), new SecureRandom());
            ClassroomService.NewClass c = classes.create("surface=booth&run=sgd", Challenge.NONE, EnumSet.allOf(Change.class), "teacher");
            CountDownLatch ready = new CountDownLatch(JOINS), go = new CountDownLatch(1);
            List<Future<ClassroomException.Problem>> joins = new ArrayList<>();
            for (int i = 0; i < JOINS; i++) {
                String name = "student" + i;
                Callable<ClassroomException.Problem> join = () -> {
                    ready.countDown();
                    go.await();
                    try {
                        classes.join(c.code(), name, "school");
                        return null;
                    } catch (ClassroomException e) {
                        return e.problem();
                    }
                };
                joins.add(threads.submit(join));
            }
            ready.await();
            go.countDown();
            List<ClassroomException.Problem> refusals = new ArrayList<>();
            for (Future<ClassroomException.Problem> join : joins) {
                if (join.get() != null) {
                    refusals.add(join.get());
                }
            }

            assertThat(refusals).hasSize(JOINS - CAP).containsOnly(ClassroomException.Problem.CLASS_FULL);
            assertThat(classes.board(c.code(), c.teacherKey(), "teacher").students()).hasSize(CAP);
        }
    }
}
