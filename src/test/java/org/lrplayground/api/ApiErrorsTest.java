package org.lrplayground.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lrplayground.engine.format.FormatException;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.HttpRequestMethodNotSupportedException;

/** The failures that the HTTP tests cannot provoke on purpose. */
class ApiErrorsTest {

    private final ApiErrors errors = new ApiErrors(DataSize.ofMegabytes(2));
    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/runs");

    @Test
    void formatErrorsAre400sNamingTheParameter() {
        ResponseEntity<ApiErrors.ApiError> answer = errors.badFormat(new FormatException(2, "lr", "lr = -1 is not accepted", java.util.List.of("0 < lr ≤ 100")), request);

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody()).isEqualTo(new ApiErrors.ApiError("lr = -1 is not accepted (accepted: 0 < lr ≤ 100)", "run[2].lr"));
    }

    @Test
    void otherValidationFailuresAre400sToo() {
        ResponseEntity<ApiErrors.ApiError> answer = errors.badInput(new IllegalArgumentException("box must have xmin < xmax"), request);

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().error()).isEqualTo("box must have xmin < xmax");
    }

    @Test
    void springsOwnErrorsKeepTheirStatus() {
        ResponseEntity<ApiErrors.ApiError> answer = errors.unexpected(
                new HttpRequestMethodNotSupportedException(HttpMethod.POST.name()), request);

        assertThat(answer.getStatusCode().value()).isEqualTo(405);
        assertThat(answer.getBody().error()).contains("POST");
    }

    @Test
    void unexpectedFailuresAnswerJsonWithoutInternals() {
        ResponseEntity<ApiErrors.ApiError> answer = errors.unexpected(new IllegalStateException("index 7 out of bounds in Lane"), request);

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getBody().error()).doesNotContain("Lane").doesNotContain("IllegalState").contains("report");
        assertThat(answer.getBody().parameter()).isNull();
    }
}
