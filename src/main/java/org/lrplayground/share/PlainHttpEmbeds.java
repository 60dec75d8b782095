package org.lrplayground.share;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jsoup.nodes.DataNode;
import org.springframework.stereotype.Component;

/**
 * The other half of {@link EmbeddableSessionCookies}: a page served over plain HTTP gets a session
 * cookie that browsers refuse inside another site's iframe. Such pages carry a script
 * (components/plain-http-embed.js) that notices this before Vaadin starts and moves the frame to
 * {@value #EXPLANATION}, which says that embedding needs HTTPS, instead of Vaadin's "Cookies
 * disabled". Secure pages need no script.
 */
@Component
class PlainHttpEmbeds implements VaadinServiceInitListener {

    static final String SCRIPT = "META-INF/resources/components/plain-http-embed.js";
    /** Below the context path. */
    static final String EXPLANATION = "/components/embed-needs-https.html";

    private final String script = read();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> {
            VaadinRequest request = response.getVaadinRequest();
            if (!request.isSecure()) {
                response.getDocument().head().prependElement("script")
                        .attr("data-explanation", request.getContextPath() + EXPLANATION)
                        .appendChild(new DataNode(script));
            }
        });
    }

    private static String read() {
        try (InputStream in = PlainHttpEmbeds.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the classpath: is frontend/components packaged?");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + SCRIPT + " failed", e);
        }
    }
}
