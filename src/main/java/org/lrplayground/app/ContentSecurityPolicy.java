package org.lrplayground.app;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A Content-Security-Policy on every response, as strict as Vaadin Flow allows (README, "Security
 * and limits", explains each allowance). Scripts run only from this site's files and from the
 * inline scripts of Vaadin's bootstrap page, which carry this response's random nonce: markup that
 * slipped into a page could neither load nor run a script of its own.
 */
@Component
class ContentSecurityPolicy extends OncePerRequestFilter implements VaadinServiceInitListener {

    static final String HEADER = "Content-Security-Policy";
    private static final String NONCE = ContentSecurityPolicy.class.getName() + ".nonce";
    private static final SecureRandom RANDOM = new SecureRandom();

    static String policy(String nonce) {
        return String.join("; ",
                "default-src 'self'",
                "script-src 'self' 'nonce-" + nonce + "' 'unsafe-eval'",
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data:",
                "font-src 'self' data:",
                "connect-src 'self'",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self'",
                "frame-ancestors *");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String nonce = Base64.getEncoder().encodeToString(bytes);
        request.setAttribute(NONCE, nonce);
        response.setHeader(HEADER, policy(nonce));
        chain.doFilter(request, response);
    }

    /** Vaadin's bootstrap page starts its client with inline scripts: each gets this response's nonce. */
    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> response.getDocument().getElementsByTag("script")
                .attr("nonce", (String) response.getVaadinRequest().getAttribute(NONCE)));
    }
}
