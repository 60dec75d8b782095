package org.lrplayground.app;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.lrplayground.api.ApiErrors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses API changes (POST, PUT, PATCH, DELETE under /api/) that a page of another site sent: a
 * plain cross-site {@code <form method=post>} needs no CORS permission, and would otherwise make
 * classes or join them in its visitors' names. Browsers name the page's origin in {@code Origin}
 * and say {@code Sec-Fetch-Site: cross-site}; requests with neither (curl, API clients) are no
 * browser's and pass. The server's own origin is the request's as the app sees it, i.e. after
 * the proxy headers it trusts.
 */
@Component
public class SameOriginFilter extends OncePerRequestFilter {

    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final JsonMapper json;

    public SameOriginFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !CHANGES.contains(request.getMethod()) || !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        String own = origin(request);
        if ((origin != null && !origin.equalsIgnoreCase(own)) || "cross-site".equals(request.getHeader("Sec-Fetch-Site"))) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(), new ApiErrors.ApiError("the API takes changes only from pages of "
                    + own + " or from clients that send no Origin (this request came from a page of "
                    + (origin == null ? "another site" : origin) + ")", HttpHeaders.ORIGIN));
            return;
        }
        chain.doFilter(request, response);
    }

    /** scheme://host, with the port unless it is the scheme's default, as browsers write Origin. */
    private static String origin(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = port == ("https".equalsIgnoreCase(scheme) ? 443 : 80);
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }
}
