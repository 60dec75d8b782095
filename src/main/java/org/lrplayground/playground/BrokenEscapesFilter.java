package org.lrplayground.playground;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Links last, even cut or mangled ones: the servlet container refuses a query with a broken
 * percent-escape ({@code steps=%zz}, or bytes that are not UTF-8) with a bare 400 before the
 * playground sees it. This redirects such a page request to the same query with each broken part's
 * {@code %} escaped as {@code %25}, so the playground opens and names the part it had to ignore.
 * The API is left alone: it answers bad input with a 400 by design.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class BrokenEscapesFilter extends OncePerRequestFilter {

    private static final Pattern BROKEN_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getQueryString() == null || !"GET".equals(request.getMethod()) || path.startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        String mended = mend(query);
        if (mended.equals(query)) {
            chain.doFilter(request, response);
        } else {
            response.sendRedirect(request.getRequestURI() + "?" + mended);
        }
    }

    /** The query with every {@code &}-separated part that does not decode made literal. */
    static String mend(String query) {
        return Arrays.stream(query.split("&", -1))
                .map(part -> decodes(part) ? part : part.replace("%", "%25"))
                .collect(Collectors.joining("&"));
    }

    /** Whether every escape is {@code %} and two hex digits, and the escaped bytes are UTF-8. */
    private static boolean decodes(String part) {
        if (BROKEN_ESCAPE.matcher(part).find()) {
            return false;
        }
        // Latin-1 turns each escaped byte into one char, so the bytes can be checked strictly.
        byte[] bytes = URLDecoder.decode(part, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1);
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
