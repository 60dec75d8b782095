package org.lrplayground.app;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.BooleanSupplier;
import org.springframework.http.MediaType;

/**
 * Whether the client of a JSON answer has gone, found out by writing: a blocking servlet hears
 * nothing of a closed connection until it writes, so while the answer is being computed each
 * look writes one space ahead of it (JSON allows white space before a value) and flushes. The
 * first write after the client closed its end still succeeds; its reset makes the next one fail.
 * The first space commits the answer as a 200, so this is only for answers whose checks are done.
 */
public final class Heartbeat {

    private Heartbeat() {
    }

    /** For {@link WorkBudget#compute}: true once a space could not be sent. */
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
