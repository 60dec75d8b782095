package org.lrplayground.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lrplayground.Databases.start;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lrplayground.Databases;
import org.springframework.context.ConfigurableApplicationContext;

/** A class, its students and hand-ins survive a restart, on H2 and on PostgreSQL ({@link Databases}). */
class ClassroomPersistenceTest {

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aClassSurvivesARestart(String database) {
        List<String> args = Databases.arguments(database, dataDir);
        ClassroomService.NewClass c;
        String token;
        Handin handin;
        try (ConfigurableApplicationContext app = start(args)) {
            ClassroomService classes = app.getBean(ClassroomService.class);
            c = classes.create("surface=booth&steps=200&run=sgd:lr=0.01", Challenge.CLOSEST, EnumSet.of(Change.HYPERPARAMETERS), "teacher");
            token = classes.join(c.code(), "Ada", "school").token();
            handin = classes.handIn(c.code(), token, List.of("sgd:lr=0.05"), null, "school");
            classes.setLocked(c.code(), c.teacherKey(), true);
            classes.sendScene(c.code(), c.teacherKey(), "surface=booth&steps=300&run=sgd:lr=0.01");
        }
        try (ConfigurableApplicationContext app = start(args)) {
            ClassroomService classes = app.getBean(ClassroomService.class);
            Board board = classes.board(c.code(), c.teacherKey(), "teacher");

            assertThat(board.sceneVersion()).isEqualTo(2);
            assertThat(board.scene()).contains("steps=300");
            assertThat(board.challenge()).isEqualTo(Challenge.CLOSEST);
            assertThat(board.allowed()).containsExactly(Change.HYPERPARAMETERS);
            assertThat(board.locked()).isTrue();
            assertThat(board.students()).singleElement().satisfies(s -> {
                assertThat(s.name()).isEqualTo("Ada");
                assertThat(s.handins()).singleElement().satisfies(h -> {
                    assertThat(h.runs()).as("the same numbers back").isEqualTo(
                            handin.runs().stream().map(r -> new Handin.Run(r.index(), r.run(), r.query(), r.label(), r.status(),
                                    r.finalLoss(), r.distanceToMinimum(), r.finalGap(), r.lr(), r.metric(), null)).toList());
                    assertThat(h.handedInAt()).isEqualTo(handin.handedInAt());
                });
            });
            assertThat(classes.student(c.code(), token, "school").id()).as("the token still works").isEqualTo(board.students().getFirst().id());
        }
    }
}
