package org.lrplayground.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lrplayground.LocalHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code /s/<code>} over real HTTP, past Vaadin's servlet: a redirect, or a friendly page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShortLinkHttpTest {

    @LocalServerPort
    private int port;

    @Autowired
    private ShortLinkService links;

    @Test
    void aKnownCodeRedirectsToThePlaygroundWithItsQuery() throws Exception {
        String query = "v=1&surface=booth&run=adam:lr=0.05&play=1";
        String code = links.create("http-test", query);

        HttpResponse<String> answer = LocalHttp.get(port, "/s/" + code);

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).contains("/?" + query);
    }

    @Test
    void aQueryWithoutAVersionIsOpenedAsVersionOne() throws Exception {
        String code = links.create("http-test", "surface=booth&run=sgd");

        assertThat(LocalHttp.get(port, "/s/" + code).headers().firstValue("Location")).contains("/?v=1&surface=booth&run=sgd");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Zz9Zz9Zz9Z", "short", "%3Cscript%3Ealert(1)%3C", "a.b"})
    void anUnknownOrMalformedCodeGetsAFriendlyPage(String code) throws Exception {
        HttpResponse<String> answer = LocalHttp.get(port, "/s/" + code);

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(answer.body()).contains("This short link does not exist", "href=\"/\"", "Open the Learning-Rate Playground")
                .doesNotContain("Whitelabel", "Exception", "<script>");
    }
}
