package org.lrplayground.classroom;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.EnumSet;
import java.util.List;
import org.lrplayground.api.ApiErrors;
import org.lrplayground.engine.format.FormatException;
import org.lrplayground.share.RateLimitedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The class API (README, "Hosting a class: the API"). Teacher keys and student tokens come as
 * {@code Authorization: Bearer …}. Class problems are mapped here; bad runs and scenes, Spring's
 * own errors and anything unexpected are answered by {@link ApiErrors}, in the same JSON.
 */
@RestController
@RequestMapping("/api/classes")
public class ClassroomController {

    /** Where the UI joins a class and shows its board: {@code JOIN + code}, {@code BOARD + code + "#key=" + key}. */
    public static final String JOIN = "/join/", BOARD = "/board/";

    private static final String BEARER = "Bearer ";

    private final ClassroomService classes;

    public ClassroomController(ClassroomService classes) {
        this.classes = classes;
    }

    record Created(String code, String teacherKey, String joinUrl, String boardUrl) {
    }

    record Student(long studentId, String token) {
    }

    @PostMapping
    ResponseEntity<Created> create(@RequestParam(required = false) String scene,
                                   @RequestParam(required = false) String challenge,
                                   @RequestParam(required = false) String allow, HttpServletRequest request) {
        ClassroomService.NewClass c = classes.create(scene, Challenge.byId(challenge),
                allow == null ? EnumSet.allOf(Change.class) : Change.parse(allow), request.getRemoteAddr());
        String home = ServletUriComponentsBuilder.fromContextPath(request).toUriString();
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(c.code(), c.teacherKey(),
                home + JOIN + c.code(), home + BOARD + c.code() + "#key=" + c.teacherKey()));
    }

    @PostMapping("/{code}/students")
    ResponseEntity<Student> join(@PathVariable String code, @RequestParam(required = false) String name,
                                 HttpServletRequest request) {
        ClassroomService.Joined joined = classes.join(code, name, request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.CREATED).body(new Student(joined.studentId(), joined.token()));
    }

    /**
     * Runs are read as sent: {@code @RequestParam List<String>} would split a lone
     * {@code run=adam:lr=0.05,beta1=0.8} at its commas into two runs.
     */
    @PostMapping("/{code}/handins")
    ResponseEntity<Handin> handIn(@PathVariable String code, @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                  @RequestParam(required = false) String sceneVersion, HttpServletRequest request) {
        String[] runs = request.getParameterValues("run");
        Handin handin = classes.handIn(code, bearer(authorization), runs == null ? List.of() : List.of(runs),
                version(sceneVersion), request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.CREATED).body(handin);
    }

    @GetMapping("/{code}")
    Board board(@PathVariable String code, @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                HttpServletRequest request) {
        return classes.board(code, bearer(authorization), request.getRemoteAddr());
    }

    /** Checks the key before the first byte, so that a refusal is still a clean JSON answer. */
    @GetMapping("/{code}/handins.csv")
    void csv(@PathVariable String code, @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
             HttpServletRequest request, HttpServletResponse response) throws IOException {
        String key = bearer(authorization);
        classes.board(code, key, request.getRemoteAddr());
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"class-" + code + ".csv\"");
        try (Writer out = new BufferedWriter(response.getWriter())) {
            classes.exportCsv(code, key, out);
        }
    }

    @ExceptionHandler(ClassroomException.class)
    ResponseEntity<ApiErrors.ApiError> refused(ClassroomException e, HttpServletRequest request) {
        HttpStatus status = switch (e.problem()) {
            case UNKNOWN_CLASS, UNKNOWN_HANDIN -> HttpStatus.NOT_FOUND;
            case NOT_SIGNED_IN -> HttpStatus.UNAUTHORIZED;
            case WRONG_SECRET -> HttpStatus.FORBIDDEN;
            case NOT_OPEN, NAME_TAKEN, CLASS_FULL, STALE_SCENE -> HttpStatus.CONFLICT;
            case BAD_NAME -> HttpStatus.BAD_REQUEST;
        };
        ResponseEntity<ApiErrors.ApiError> answer = ApiErrors.answer(request, status, e.getMessage(), e.parameter());
        return status == HttpStatus.UNAUTHORIZED
                ? ResponseEntity.status(status).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").headers(answer.getHeaders()).body(answer.getBody())
                : answer;
    }

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<ApiErrors.ApiError> limited(RateLimitedException e, HttpServletRequest request) {
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        ResponseEntity<ApiErrors.ApiError> answer = ApiErrors.answer(request, HttpStatus.TOO_MANY_REQUESTS, e.getMessage(), null);
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(answer.getBody());
    }

    /** The scene version a hand-in was made on; absent means the current one. */
    private static Integer version(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new FormatException("sceneVersion", "the scene version is no whole number",
                    List.of("the class's sceneVersion, a whole number such as 1"));
        }
    }

    /** The token of {@code Authorization: Bearer <token>}; null without one, which the service refuses with 401. */
    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return authorization.substring(BEARER.length()).strip();
    }
}
