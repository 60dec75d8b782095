package org.lrplayground.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Only pages whose session cookie cannot be embedded carry the script that explains it (ShareIT runs it). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlainHttpEmbedsTest {

    private static final String EXPLANATION = "This embedded playground needs HTTPS";

    @LocalServerPort
    private int port;

    @Test
    void aPlainHttpPageCarriesTheScriptBeforeVaadinsOwn() throws Exception {
        String page = index(HttpRequest.newBuilder(uri()));

        assertThat(page).contains(EXPLANATION, "window.stop()");
        assertThat(page.indexOf(EXPLANATION)).isLessThan(page.indexOf("type=\"module\""));
    }

    @Test
    void aPageServedAsHttpsHasNoNeedOfIt() throws Exception {
        String page = index(HttpRequest.newBuilder(uri()).header("X-Forwarded-Proto", "https"));

        assertThat(page).contains("type=\"module\"").doesNotContain(EXPLANATION);
    }

    private URI uri() {
        return URI.create("http://localhost:" + port + "/?surface=booth&run=sgd");
    }

    private static String index(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
