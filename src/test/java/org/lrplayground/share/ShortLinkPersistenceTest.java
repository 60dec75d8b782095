package org.lrplayground.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lrplayground.Application;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DuplicateKeyException;

/**
 * Short links in the real databases, through the application's own configuration and Flyway
 * migration: the default H2 file database, and PostgreSQL (postgres profile) when
 * {@code LRP_TEST_POSTGRES_URL} names one (with {@code LRP_TEST_POSTGRES_USER} and
 * {@code LRP_TEST_POSTGRES_PASSWORD}; .ci/run sets them up), skipped otherwise.
 */
class ShortLinkPersistenceTest {

    static final String POSTGRES_URL = System.getenv("LRP_TEST_POSTGRES_URL");

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void linksSurviveARestart(String database) {
        List<String> args = arguments(database);
        String query = "v=1&surface=booth&run=adam:lr=0.05&hide=chart&test=" + UUID.randomUUID();
        List<String> codes = new ArrayList<>();

        try (ConfigurableApplicationContext app = start(args)) {
            ShortLinkService links = app.getBean(ShortLinkService.class);
            codes.add(links.create("session", query));
            codes.add(links.create("session", query.replace("booth", "himmelblau")));
            assertThat(links.resolve(codes.get(0))).contains(query);
            assertThat(links.create("another session", query)).as("the same scene again").isEqualTo(codes.get(0));
            // The service's collision retry relies on the database refusing a taken code this way.
            assertThatThrownBy(() -> app.getBean(ShortLinkRepository.class).insert(codes.get(0), "run=sgd", null, Instant.now()))
                    .isInstanceOf(DuplicateKeyException.class);
        }
        try (ConfigurableApplicationContext app = start(args)) {
            ShortLinkService links = app.getBean(ShortLinkService.class);
            assertThat(links.resolve(codes.get(0))).as("after a restart").contains(query);
            assertThat(links.resolve(codes.get(1))).contains(query.replace("booth", "himmelblau"));
            assertThat(links.resolve("Zz9Zz9Zz9Z")).isEmpty();
            assertThat(links.create("session", query)).as("the same scene after a restart").isEqualTo(codes.get(0));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aLongSceneIsFoundAgainAndARowFromBeforeHashesIsLeftAlone(String database) {
        List<String> args = arguments(database);
        // Longer than a PostgreSQL B-tree entry may be: the look-up goes by the query's hash.
        String query = "v=1&surface=custom&f=" + "x^2+".repeat(1500) + "y^2&test=" + UUID.randomUUID();
        String legacy = "v=1&surface=booth&run=sgd&test=" + UUID.randomUUID();
        String legacyCode = ShortLinkService.randomCodes(new SecureRandom()).get();

        try (ConfigurableApplicationContext app = start(args)) {
            ShortLinkService links = app.getBean(ShortLinkService.class);
            String code = links.create("session", query);
            assertThat(links.create("session", query)).isEqualTo(code);
            assertThat(links.resolve(code)).contains(query);

            app.getBean(ShortLinkRepository.class).insert(legacyCode, legacy, null, Instant.now());
            String fresh = links.create("session", legacy);
            assertThat(fresh).as("a row without a hash is not found").isNotEqualTo(legacyCode);
            assertThat(links.create("session", legacy)).isEqualTo(fresh);
            assertThat(links.resolve(legacyCode)).contains(legacy);
        }
    }

    private List<String> arguments(String database) {
        if (database.equals("h2")) {
            // The default URL with ./data moved to a temporary directory.
            return List.of("--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("lrplayground")
                    + ";DB_CLOSE_ON_EXIT=FALSE");
        }
        assumeTrue(POSTGRES_URL != null && !POSTGRES_URL.isBlank(), "LRP_TEST_POSTGRES_URL names no PostgreSQL database");
        return List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + POSTGRES_URL,
                "--spring.datasource.username=" + env("LRP_TEST_POSTGRES_USER"),
                "--spring.datasource.password=" + env("LRP_TEST_POSTGRES_PASSWORD"));
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }

    /** The whole application, on a free port (Vaadin needs a web context). */
    private static ConfigurableApplicationContext start(List<String> args) {
        List<String> all = new ArrayList<>(args);
        all.add("--server.port=0");
        return new SpringApplicationBuilder(Application.class).run(all.toArray(String[]::new));
    }
}
