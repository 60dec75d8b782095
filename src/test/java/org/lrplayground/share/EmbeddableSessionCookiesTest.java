package org.lrplayground.share;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which session cookies may travel into another site's iframe; ShareIT shows one doing so. */
class EmbeddableSessionCookiesTest {

    private final EmbeddableSessionCookies.Processor processor = new EmbeddableSessionCookies.Processor();

    private String header(boolean secure) {
        Cookie cookie = new Cookie("JSESSIONID", "ABC");
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(secure);
        return processor.generateHeader(cookie, new MockHttpServletRequest());
    }

    @Test
    void aSecureCookieIsSentToCrossSiteFramesPartitionedByTheEmbeddingSite() {
        assertThat(header(true)).isEqualTo("JSESSIONID=ABC; Path=/; Secure; HttpOnly; SameSite=None; Partitioned");
    }

    @Test
    void aPlainHttpCookieKeepsTheBrowsersDefaultWhichRefusesNoneWithoutSecure() {
        assertThat(header(false)).isEqualTo("JSESSIONID=ABC; Path=/; HttpOnly");
    }
}
