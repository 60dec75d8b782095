package org.lrplayground.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.lrplayground.LocalHttp;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A page of another site cannot make classes; this site's pages and clients without Origin can. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SameOriginFilterTest {

    private static final String CLASS = "scene=run%3Dsgd";

    @LocalServerPort
    private int port;

    @Test
    void aCrossSiteOriginIsRefusedNamingOrigin() throws Exception {
        HttpResponse<String> answer = create("Origin", "https://elsewhere.example");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
        JsonNode error = JsonMapper.builder().build().readTree(answer.body());
        assertThat(error.get("parameter").asString()).isEqualTo("Origin");
        assertThat(error.get("error").asString()).contains("https://elsewhere.example", "http://localhost:" + port);
    }

    @Test
    void aCrossSiteFetchIsRefusedEvenWithoutOrigin() throws Exception {
        assertThat(create("Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(403);
    }

    @Test
    void thisSitesPagesAndClientsWithoutOriginMakeClasses() throws Exception {
        assertThat(create("Origin", "http://localhost:" + port, "Sec-Fetch-Site", "same-origin").statusCode()).isEqualTo(201);
        assertThat(create().statusCode()).isEqualTo(201);
    }

    private HttpResponse<String> create(String... headers) throws Exception {
        String[] all = new String[headers.length + 2];
        all[0] = "X-Forwarded-For";
        all[1] = "203.0.113.77";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return LocalHttp.post(port, "/api/classes", CLASS, all);
    }
}
