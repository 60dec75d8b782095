package org.lrplayground.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A request with a method its address does not take, e.g. {@code DELETE /api/classes/K7QWZ3}:
 * Spring refuses it before any controller is chosen, so {@link ApiErrors}, which answers for the
 * API's controllers only, never sees it. This answers it in the API's JSON, naming the methods
 * the address takes.
 */
@RestControllerAdvice
public class WrongMethods {

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiErrors.ApiError> wrongMethod(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        String[] supported = e.getSupportedMethods();
        String accepted = supported == null || supported.length == 0 ? "none" : String.join(", ", supported);
        ResponseEntity<ApiErrors.ApiError> answer = ApiErrors.answer(request, HttpStatus.METHOD_NOT_ALLOWED,
                e.getMethod() + " is not accepted here (accepted: " + accepted + ")", null);
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .allow(e.getSupportedHttpMethods() == null ? new HttpMethod[0] : e.getSupportedHttpMethods().toArray(HttpMethod[]::new))
                .body(answer.getBody());
    }
}
