package org.lrplayground.api;

import java.io.IOException;
import org.lrplayground.app.WorkBudget;
import org.lrplayground.engine.format.FormatException;
import org.lrplayground.engine.run.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.exc.JacksonIOException;

/**
 * The API's one error handler: every failure answers JSON {@code {"error": …, "parameter": …}}
 * and never a stack trace. Bad input is a 400 naming the parameter and what is accepted, and so is
 * work above the budget (naming the key to lower, the cost and the limit); a full pool for heavy
 * work is a 503 with Retry-After. It also
 * answers for the class API (named by package, which this one must not depend on), whose
 * controller maps its own errors and leaves bad runs and the unexpected to this one.
 */
@RestControllerAdvice(basePackages = {"org.lrplayground.api", "org.lrplayground.classroom"})
public class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    /**
     * The body of every error answer.
     *
     * @param error     what was wrong and what is accepted
     * @param parameter where, e.g. {@code run[2].lr}; null when no single parameter is at fault
     */
    public record ApiError(String error, String parameter) {
    }

    @ExceptionHandler(FormatException.class)
    ResponseEntity<ApiError> badFormat(FormatException e) {
        return answer(HttpStatus.BAD_REQUEST, e.getMessage(), e.parameter());
    }

    /** The engine's validation (records' constructors) reports bad input this way too. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ApiError> badInput(IllegalArgumentException e) {
        return answer(HttpStatus.BAD_REQUEST, e.getMessage(), null);
    }

    /** The work budget's pool and queue are full: worth trying again soon, unlike a 400. */
    @ExceptionHandler(WorkBudget.Busy.class)
    ResponseEntity<ApiError> busy(WorkBudget.Busy e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_JSON).body(new ApiError(e.getMessage(), null));
    }

    /** The computation was stopped because its client left: no one is left to answer. */
    @ExceptionHandler(Progress.Cancelled.class)
    void cancelled(Progress.Cancelled e) {
        log.debug("Client left during a computation: {}", e.toString());
    }

    /**
     * The client went away in the middle of an answer (the JSON writer wraps the I/O error): there
     * is no one left to answer, and it is no failure of ours worth a stack trace in the log.
     */
    @ExceptionHandler({IOException.class, JacksonIOException.class})
    void clientGone(Exception e) {
        log.debug("Client left during a run API answer: {}", e.toString());
    }

    /** Spring's own errors (wrong method, unacceptable media type) keep their status; anything else is ours. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        if (e instanceof ErrorResponse spring) {
            HttpStatusCode status = spring.getStatusCode();
            String detail = spring.getBody().getDetail();
            return answer(status, detail != null ? detail : e.getMessage(), null);
        }
        log.error("Unexpected failure in the API", e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "the server failed to answer this request; "
                + "please report the query that caused it", null);
    }

    /** JSON even when the client asked for CSV: an error has no CSV form, and a 406 would hide it. */
    public static ResponseEntity<ApiError> answer(HttpStatusCode status, String error, String parameter) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new ApiError(error, parameter));
    }
}
