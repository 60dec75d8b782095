package org.lrplayground.share;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.Rfc6265CookieProcessor;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets the playground run in an iframe on a teacher's page on another site (the share dialog's
 * embed snippet). Vaadin keeps its state in the HTTP session; browsers treat a cookie without a
 * SameSite attribute as {@code SameSite=Lax} and drop it inside a cross-site iframe, and the embed
 * then shows only "Cookies disabled". Secure cookies (HTTPS, or a trusted proxy saying so: see
 * {@code lrp.trusted-proxies} in application.properties) are therefore sent as
 * {@code SameSite=None; Partitioned}: usable inside the iframe, and kept apart per embedding site
 * (CHIPS), so they still work where third-party cookies are blocked and track no one across sites.
 * Plain-HTTP cookies are left alone: browsers refuse {@code SameSite=None} and
 * {@code Partitioned} without {@code Secure}; {@link PlainHttpEmbeds} tells such an embed's viewers why it cannot run.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddableSessionCookies {

    @Bean
    TomcatContextCustomizer sessionCookiesForIframes() {
        return context -> context.setCookieProcessor(new Processor());
    }

    static final class Processor extends Rfc6265CookieProcessor {
        @Override
        public String generateHeader(Cookie cookie, HttpServletRequest request) {
            if (cookie.getSecure() && cookie.getAttribute("SameSite") == null) {
                cookie.setAttribute("SameSite", "None");
                cookie.setAttribute("Partitioned", "");
            }
            return super.generateHeader(cookie, request);
        }
    }
}
