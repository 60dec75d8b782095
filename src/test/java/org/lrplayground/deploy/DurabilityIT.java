package org.lrplayground.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrplayground.LocalHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A 201 means the row is on disk: the packaged jar on its default database, the H2 file under
 * ./data (here in a directory of the test's), answers a class and some joins with 201, and is
 * killed with SIGKILL right after the last answer; H2 then opens the file and finds every one.
 */
class DurabilityIT {

    private static final int JOINS = 20;
    private static final Duration STARTUP = Duration.ofSeconds(90);

    @Test
    void everyClassAndJoinAnswered201IsInTheFileAfterTheJvmIsKilled(@TempDir Path directory) throws Exception {
        int port = PackagedApp.freePort();
        String code;
        List<String> joined = new ArrayList<>();
        try (ChildProcess app = ChildProcess.start("durability", directory, PackagedApp.command(),
                Map.of("PORT", Integer.toString(port)))) {
            app.awaitOk(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"), STARTUP);
            code = created(LocalHttp.post(port, "/api/classes", "scene=" + encode("surface=booth&run=sgd:lr=0.01")))
                    .get("code").asString();
            for (int i = 1; i <= JOINS; i++) {
                created(LocalHttp.post(port, "/api/classes/" + code + "/students", "name=student+" + i));
                joined.add("student " + i);
            }
            app.kill();
        }

        List<String> stored = students(directory.resolve("data").resolve("lrplayground"), code);
        System.out.printf("DurabilityIT: %d of %d joins answered 201 were in the file after SIGKILL%n",
                stored.size(), joined.size());
        assertThat(stored).containsExactlyInAnyOrderElementsOf(joined);
    }

    /** The names of the class's students as the file holds them; none when the class itself is missing. */
    private static List<String> students(Path database, String code) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + database + ";IFEXISTS=TRUE", "sa", "");
             PreparedStatement query = db.prepareStatement("select name from class_student where class_code = ?")) {
            query.setString(1, code);
            List<String> names = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        }
    }

    private static JsonNode created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("%s answered %s", response.request().uri(), response.body()).isEqualTo(201);
        return JsonMapper.shared().readTree(response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
