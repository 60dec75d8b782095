package org.lrplayground;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application on its real databases, for persistence tests: the default H2 file database in a
 * directory of the test's, or PostgreSQL (postgres profile) when {@code LRP_TEST_POSTGRES_URL} names
 * one (with {@code LRP_TEST_POSTGRES_USER} and {@code LRP_TEST_POSTGRES_PASSWORD}; .ci/run sets them
 * up); tests on PostgreSQL are skipped without it.
 */
public final class Databases {

    public static final String POSTGRES_URL = System.getenv("LRP_TEST_POSTGRES_URL");

    private Databases() {
    }

    /** Skips the calling test unless a PostgreSQL database is named. */
    public static void assumePostgres() {
        assumeTrue(POSTGRES_URL != null && !POSTGRES_URL.isBlank(), "LRP_TEST_POSTGRES_URL names no PostgreSQL database");
    }

    public static String postgresUser() {
        return env("LRP_TEST_POSTGRES_USER");
    }

    public static String postgresPassword() {
        return env("LRP_TEST_POSTGRES_PASSWORD");
    }

    /**
     * The application's arguments for {@code database}, h2 or postgres.
     *
     * @param dataDir where the H2 file goes instead of ./data
     */
    public static List<String> arguments(String database, Path dataDir) {
        if (database.equals("h2")) {
            return List.of("--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("lrplayground") + ";DB_CLOSE_ON_EXIT=FALSE");
        }
        assumePostgres();
        return List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + POSTGRES_URL,
                "--spring.datasource.username=" + postgresUser(), "--spring.datasource.password=" + postgresPassword());
    }

    /** The whole application, on a free port (Vaadin needs a web context). */
    public static ConfigurableApplicationContext start(List<String> args) {
        List<String> all = new ArrayList<>(args);
        all.add("--server.port=0");
        return new SpringApplicationBuilder(Application.class).run(all.toArray(String[]::new));
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }
}
