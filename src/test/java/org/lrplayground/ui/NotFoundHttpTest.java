package org.lrplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lrplayground.LocalHttp;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An unknown address over real HTTP: 404 with the playground's own page; known ones stay 200. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotFoundHttpTest {

    @LocalServerPort
    private int port;

    @ParameterizedTest
    @ValueSource(strings = {"/no-such-page", "/lessons/7", "/a/b/c?surface=booth", "/s"})
    void anUnknownAddressAnswers404WithTheFriendlyPage(String path) throws Exception {
        HttpResponse<String> answer = LocalHttp.get(port, path);

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(answer.body()).contains("This page does not exist", "Open the Learning-Rate Playground", "Follow the lessons")
                .doesNotContain("Could not navigate", "Exception");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/?surface=booth&run=sgd", "/lessons"})
    void knownAddressesStayOk(String path) throws Exception {
        HttpResponse<String> answer = LocalHttp.get(port, path);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).doesNotContain("This page does not exist");
    }
}
