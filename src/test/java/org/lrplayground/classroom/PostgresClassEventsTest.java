package org.lrplayground.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lrplayground.Databases;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Two instances on one PostgreSQL database, each with its own listening connection, as two
 * application instances would be ({@link Databases}; skipped without PostgreSQL).
 */
class PostgresClassEventsTest {

    @BeforeEach
    void needsPostgres() {
        Databases.assumePostgres();
    }

    @Test
    void anEventReachesTheOtherInstanceWithinASecondAndThisOneExactlyOnce() throws Exception {
        try (PostgresClassEvents a = instance(); PostgresClassEvents b = instance()) {
            a.start();
            b.start();
            List<ClassEvent> onA = new CopyOnWriteArrayList<>();
            LinkedBlockingQueue<ClassEvent> onB = new LinkedBlockingQueue<>();
            LinkedBlockingQueue<ClassEvent> backOnA = new LinkedBlockingQueue<>();
            // One listener records and signals: with two, the signal could come before the record.
            a.subscribe("ABCDEF", e -> {
                onA.add(e);
                if (e.kind() == ClassEvent.Kind.SCENE) {
                    backOnA.add(e);
                }
            });
            b.subscribe("ABCDEF", onB::add);
            b.subscribe("OTHER2", onB::add);

            a.publish("ABCDEF", ClassEvent.Kind.HANDED_IN);

            assertThat(onB.poll(1, TimeUnit.SECONDS)).isEqualTo(new ClassEvent("ABCDEF", ClassEvent.Kind.HANDED_IN));
            // PostgreSQL delivers notifications in commit order, so once B's next event is back on A,
            // A's listener has also read (and dropped) the echo of its own first one.
            b.publish("ABCDEF", ClassEvent.Kind.SCENE);
            assertThat(backOnA.poll(1, TimeUnit.SECONDS)).isNotNull();
            assertThat(onA).containsExactly(new ClassEvent("ABCDEF", ClassEvent.Kind.HANDED_IN),
                    new ClassEvent("ABCDEF", ClassEvent.Kind.SCENE));
            assertThat(onB.poll(1, TimeUnit.SECONDS)).as("B's own, once").isEqualTo(new ClassEvent("ABCDEF", ClassEvent.Kind.SCENE));
            assertThat(onB).as("nothing of another class, nothing twice").isEmpty();
        }
    }

    private static PostgresClassEvents instance() {
        PGSimpleDataSource pool = new PGSimpleDataSource();
        pool.setUrl(Databases.POSTGRES_URL);
        pool.setUser(Databases.postgresUser());
        pool.setPassword(Databases.postgresPassword());
        return new PostgresClassEvents(pool, () -> DriverManager.getConnection(Databases.POSTGRES_URL,
                Databases.postgresUser(), Databases.postgresPassword()));
    }
}
