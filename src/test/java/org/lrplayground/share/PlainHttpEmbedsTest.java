package org.lrplayground.share;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lrplayground.LocalHttp;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Only pages whose session cookie cannot be embedded carry the script that explains it (ShareIT runs it). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlainHttpEmbedsTest {

    private static final String EXPLANATION = "This embedded playground needs HTTPS";
    private static final String PATH = "/?surface=booth&run=sgd";

    @LocalServerPort
    private int port;

    @Test
    void aPlainHttpPageCarriesTheScriptBeforeVaadinsOwn() throws Exception {
        String page = LocalHttp.get(port, PATH).body();

        assertThat(page).contains(EXPLANATION, "window.stop()");
        assertThat(page.indexOf(EXPLANATION)).isLessThan(page.indexOf("type=\"module\""));
    }

    @Test
    void aPageServedAsHttpsHasNoNeedOfIt() throws Exception {
        String page = LocalHttp.get(port, PATH, "X-Forwarded-Proto", "https").body();

        assertThat(page).contains("type=\"module\"").doesNotContain(EXPLANATION);
    }
}
