package org.lrplayground.app;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.BooleanSupplier;
import org.springframework.http.MediaType;

/**
 * Whether the client of a JSON answer has gone, found out by writing: a servlet hears nothing of a
 * closed connection until it writes. Tomcat tells an asynchronous request's listeners nothing either
 * while the request writes nothing (tried on Tomcat 11.0.27: a client that closed its socket during
 * a 3 s async request fired neither onError nor onComplete until the request timed out). So while
 * the answer is being computed each look writes one space ahead of it (JSON allows white space
 * before a value) and flushes; a write to a closed connection fails, at the latest on the next look.
 * The first space commits the answer as a 200 JSON, so this is only for answers whose checks are
 * done and whose errors have come: the budget's 400 and 503 come before the work starts.
 */
public final class Heartbeat {

    private Heartbeat() {
    }

    /** For {@link WorkBudget#await}: true once a space could not be sent. */
    public static BooleanSupplier clientGone(HttpServletResponse response) {
        return () -> {
            try {
                if (!response.isCommitted()) {
                    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                }
                response.getOutputStream().write(' ');
                response.flushBuffer();
                return false;
            } catch (IOException e) {
                return true;
            }
        };
    }
}
