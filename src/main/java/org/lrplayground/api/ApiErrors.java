package org.lrplayground.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.lrplayground.app.WorkBudget;
import org.lrplayground.engine.format.FormatException;
import org.lrplayground.engine.run.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
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
 * controller maps its own errors and leaves bad runs and the unexpected to this one. Client errors
 * (4xx) are logged in one line each; only the server's own failures get a stack trace.
 */
@RestControllerAdvice(basePackages = {"org.lrplayground.api", "org.lrplayground.classroom"})
public class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    /** Tomcat's limit on a form body, which it enforces itself; here only to name it. */
    private final DataSize formLimit;

    public ApiErrors(@Value("${server.tomcat.max-http-form-post-size}") DataSize formLimit) {
        this.formLimit = formLimit;
    }

    /**
     * The body of every error answer.
     *
     * @param error     what was wrong and what is accepted
     * @param parameter where, e.g. {@code run[2].lr}; null when no single parameter is at fault
     */
    public record ApiError(String error, String parameter) {
    }

    @ExceptionHandler(FormatException.class)
    ResponseEntity<ApiError> badFormat(FormatException e, HttpServletRequest request) {
        return answer(request, HttpStatus.BAD_REQUEST, e.getMessage(), e.parameter());
    }

    /** The engine's validation (records' constructors) reports bad input this way too. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ApiError> badInput(IllegalArgumentException e, HttpServletRequest request) {
        return answer(request, HttpStatus.BAD_REQUEST, e.getMessage(), null);
    }

    /**
     * A form body that Tomcat would not read, which it reports from the first look at a parameter:
     * larger than its limit (413; it reads none of a body whose length is declared), not UTF-8, or
     * otherwise malformed (400).
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ApiError> unreadableForm(InvalidParameterException e, HttpServletRequest request) {
        if (e.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) {
            return answer(request, HttpStatus.CONTENT_TOO_LARGE, "the form body is larger than " + readable(formLimit)
                    + ", the most this server reads (server.tomcat.max-http-form-post-size)", null);
        }
        if (e.getCause() instanceof CharacterCodingException) {
            return answer(request, HttpStatus.BAD_REQUEST, "the form body is not UTF-8 (accepted: UTF-8, percent-encoded,"
                    + " e.g. é as %C3%A9)", null);
        }
        return answer(request, HttpStatus.BAD_REQUEST, "the form body is malformed (accepted:"
                + " application/x-www-form-urlencoded, name=value pairs joined by &)", null);
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
    ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse spring) {
            HttpStatusCode status = spring.getStatusCode();
            String detail = spring.getBody().getDetail();
            return answer(request, status, detail != null ? detail : e.getMessage(), null);
        }
        log.error("Unexpected failure in the API", e);
        return answer(request, HttpStatus.INTERNAL_SERVER_ERROR, "the server failed to answer this request; "
                + "please report the query that caused it", null);
    }

    /**
     * JSON even when the client asked for CSV: an error has no CSV form, and a 406 would hide it.
     * A client error is logged in one line, its control characters replaced: a line break in what a
     * client sent (a nickname, a code) must not write a log line of its own.
     */
    public static ResponseEntity<ApiError> answer(HttpServletRequest request, HttpStatusCode status, String error,
                                                  String parameter) {
        if (status.is4xxClientError()) {
            log.info("{} {} answered {}: {}", request.getMethod(), oneLine(request.getRequestURI()), status.value(),
                    oneLine(error));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new ApiError(error, parameter));
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
    }

    /** 2 MB rather than 2097152B, as a limit is usually set. */
    private static String readable(DataSize size) {
        long mb = DataSize.ofMegabytes(1).toBytes();
        return size.toBytes() % mb == 0 ? size.toMegabytes() + " MB" : size.toBytes() + " bytes";
    }
}
