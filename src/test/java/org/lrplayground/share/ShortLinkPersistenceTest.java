package org.lrplayground.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lrplayground.Databases.start;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lrplayground.Databases;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DuplicateKeyException;

/**
 * Short links in the real databases, through the application's own configuration and Flyway
 * migration: the default H2 file database, and PostgreSQL when one is named ({@link Databases}).
 */
class ShortLinkPersistenceTest {

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
        return Databases.arguments(database, dataDir);
    }
}
