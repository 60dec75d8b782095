package org.lrplayground.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.lrplayground.LocalHttp;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Only pages whose session cookie cannot be embedded carry the script that explains it (ShareIT runs
 * it). The test's own address is a trusted proxy, so that its X-Forwarded-Proto counts (the
 * properties ClassroomHttpTest's context has too, so the two share one).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "lrp.trusted-proxies=127.0.0.1,::1")
class PlainHttpEmbedsTest {

    private static final String SCRIPT = "<script src=\"/components/plain-http-embed.js\"";
    private static final String PATH = "/?surface=booth&run=sgd";

    @LocalServerPort
    private int port;

    @Test
    void aPlainHttpPageCarriesTheScriptBeforeVaadinsOwn() throws Exception {
        String page = LocalHttp.get(port, PATH).body();

        assertThat(page).contains(SCRIPT, "data-explanation=\"/components/embed-needs-https.html\"");
        assertThat(page.indexOf("<script")).as("the page's first script").isEqualTo(page.indexOf(SCRIPT));
    }

    @Test
    void theExplanationIsAPageOfItsOwn() throws Exception {
        HttpResponse<String> answer = LocalHttp.get(port, PlainHttpEmbeds.EXPLANATION + "?page=%2F%3Fsurface%3Dbooth");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(answer.body()).contains("This embedded playground needs HTTPS", "Open it directly");
    }

    @Test
    void aPageServedAsHttpsHasNoNeedOfIt() throws Exception {
        String page = LocalHttp.get(port, PATH, "X-Forwarded-Proto", "https").body();

        assertThat(page).contains("type=\"module\"").doesNotContain(SCRIPT);
    }
}
