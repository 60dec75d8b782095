package org.lrplayground.share;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.lrplayground.link.PageLink;
import org.lrplayground.link.PageOptions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code GET /s/<code>}: a redirect (302) to the playground with the stored query, marked with the
 * link format version it was made in; an unknown code gets a short page that says so (404), with
 * a way into the playground, never an error page.
 */
@Controller
public class ShortLinkController {

    /** Short links are {@code PATH + code}, e.g. {@code /s/Ab3dE6gH9k}. */
    public static final String PATH = "/s/";

    private static final String VERSION = PageLink.VERSION.name() + "=";

    private final ShortLinkService links;

    public ShortLinkController(ShortLinkService links) {
        this.links = links;
    }

    @GetMapping(PATH + "{code}")
    public ResponseEntity<String> open(@PathVariable String code, HttpServletRequest request) {
        String home = request.getContextPath() + "/";
        return links.resolve(code)
                .map(query -> ResponseEntity.status(HttpStatus.FOUND)
                        .header(HttpHeaders.LOCATION, home + "?" + withVersion(query))
                        .<String>build())
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                        .body(unknown(code, home)));
    }

    /** Queries stored before links carried a version are version 1. */
    static String withVersion(String query) {
        boolean versioned = Arrays.stream(query.split("&")).anyMatch(pair -> pair.startsWith(VERSION));
        return versioned ? query : VERSION + PageOptions.VERSION + "&" + query;
    }

    private static String unknown(String code, String home) {
        String shown = HtmlUtils.htmlEscape(code.length() > 40 ? code.substring(0, 40) + "…" : code);
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Unknown link – Learning-Rate Playground</title>
                <style>
                  body { font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem;
                         line-height: 1.5; color: #1f2937; }
                  h1 { font-size: 1.4rem; }
                  code { background: #f3f4f6; padding: 0 .25rem; border-radius: .2rem; }
                  a.button { display: inline-block; margin-top: 1rem; padding: .5rem 1rem; border-radius: .3rem;
                             background: #1676f3; color: white; text-decoration: none; }
                </style>
                </head>
                <body>
                <h1>This short link does not exist</h1>
                <p>There is no playground saved under <code>%s</code>. The link may be mistyped or cut short;
                   copying it again from where you found it often helps.</p>
                <a class="button" href="%s">Open the Learning-Rate Playground</a>
                </body>
                </html>
                """.formatted(shown, HtmlUtils.htmlEscape(home));
    }
}
