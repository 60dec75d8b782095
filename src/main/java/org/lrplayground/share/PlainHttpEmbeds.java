package org.lrplayground.share;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * The other half of {@link EmbeddableSessionCookies}: a page served over plain HTTP gets a session
 * cookie that browsers refuse inside another site's iframe. Such pages carry a script
 * ({@value #SCRIPT}) that notices this before Vaadin starts and moves the frame to
 * {@value #EXPLANATION}, which says that embedding needs HTTPS, instead of Vaadin's "Cookies
 * disabled". Secure pages need no script.
 */
@Component
class PlainHttpEmbeds implements VaadinServiceInitListener {

    /** Below the context path, as {@link #EXPLANATION}. */
    static final String SCRIPT = "/components/plain-http-embed.js";
    static final String EXPLANATION = "/components/embed-needs-https.html";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> {
            VaadinRequest request = response.getVaadinRequest();
            if (!request.isSecure()) {
                // First in the head and neither async nor deferred: it runs before any script of Vaadin's.
                // A file of this site rather than inline, which the Content-Security-Policy allows without a nonce.
                response.getDocument().head().prependElement("script")
                        .attr("src", request.getContextPath() + SCRIPT)
                        .attr("data-explanation", request.getContextPath() + EXPLANATION);
            }
        });
    }
}
