package org.lrplayground.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lrplayground.LocalHttp;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Form bodies that the class API does not read, sent as raw bytes over a socket (an HTTP client
 * would encode them or refuse to): each is answered in the API's JSON and logged in one line,
 * never a 500, a stack trace or Tomcat's HTML page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class FormBodyHttpTest {

    /** Tomcat's limit on a form body, as application.properties sets it. */
    private static final int LIMIT = 2 * 1024 * 1024;
    private static final int CHUNK = 64 * 1024;

    @LocalServerPort
    private int port;

    private String join;

    @BeforeEach
    void aClass() throws Exception {
        String created = LocalHttp.post(port, "/api/classes", "scene=" + URLEncoder.encode("surface=booth&run=sgd:lr=0.01",
                StandardCharsets.UTF_8)).body();
        join = "/api/classes/" + JsonMapper.shared().readTree(created).get("code").asString() + "/students";
    }

    /** An HTTP answer as read off the socket. */
    private record Answer(int status, String contentType, JsonNode json) {
    }

    @Test
    void aBodyOverTheLimitIs413NamingItWhetherItIsSentOrNot(CapturedOutput output) throws Exception {
        for (String path : new String[]{"/api/classes", join}) {
            // As curl sends a large body: only once the server asks for it, which Tomcat does and then answers without it.
            refusedAsTooLarge(post(path, "Content-Length: " + (LIMIT + 1) + "\r\nExpect: 100-continue", new byte[0]));
            // Sent whole, more than Tomcat reads past its answer (server.tomcat.max-swallow-size, 2 MB) before it hangs up.
            refusedAsTooLarge(post(path, "Content-Length: " + 3 * LIMIT, form(3 * LIMIT)));
        }
        assertThat(output.getOut()).contains("POST /api/classes answered 413: the form body is larger than 2 MB")
                .contains("POST " + join + " answered 413").doesNotContain("InvalidParameterException").doesNotContain("\tat ");
    }

    @Test
    void aFormBodyOnAnotherMethodIsNotReadEither() throws Exception {
        // Only the headers go out: an answer without the body shows nothing waited for it.
        Answer answer = send("PUT", "/api/classes", "Content-Length: " + 3 * LIMIT + "\r\nExpect: 100-continue", new byte[0]);

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.json().get("error").asString()).contains("PUT");
    }

    private static void refusedAsTooLarge(Answer answer) {
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.json().get("error").asString()).contains("2 MB", "server.tomcat.max-http-form-post-size");
        assertThat(answer.json().get("parameter").isNull()).isTrue();
    }

    @Test
    void aChunkedBodyIsCutOffAtTheLimitWithTheSameAnswer() throws Exception {
        byte[] form = form(LIMIT + 1);
        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        for (int at = 0; at < form.length; at += CHUNK) {
            int size = Math.min(CHUNK, form.length - at);
            chunked.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            chunked.write(form, at, size);
            chunked.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        chunked.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        refusedAsTooLarge(post("/api/classes", "Transfer-Encoding: chunked", chunked.toByteArray()));
    }

    @Test
    void aBodyThatIsNotUtf8Is400NamingTheEncoding(CapturedOutput output) throws Exception {
        // é in Latin-1: one byte 0xE9, which starts no UTF-8 character on its own; raw, and percent-encoded.
        byte[] raw = {'n', 'a', 'm', 'e', '=', (byte) 0xE9};
        for (byte[] body : new byte[][]{raw, "name=%E9".getBytes(StandardCharsets.US_ASCII)}) {
            Answer answer = post(join, "Content-Length: " + body.length, body);

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/json");
            assertThat(answer.json().get("error").asString()).contains("not UTF-8", "%C3%A9");
        }
        assertThat(post("/api/classes", "Content-Length: 7", "scene=\u00e9".getBytes(StandardCharsets.ISO_8859_1)).status())
                .isEqualTo(400);
        assertThat(output.getOut()).contains("POST " + join + " answered 400: the form body is not UTF-8")
                .doesNotContain("MalformedInputException").doesNotContain("\tat ");
    }

    private Answer post(String path, String framing, byte[] body) throws Exception {
        return send("POST", path, framing, body);
    }

    /**
     * Sends a form body as these bytes, written while the answer is read (Tomcat may answer before
     * it has read them all), on a connection that ends with the answer.
     */
    private Answer send(String method, String path, String framing, byte[] body) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + framing + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                try {
                    out.write(body);
                    out.flush();
                } catch (IOException refused) {
                    // Tomcat closed the connection after its answer, rather than read the rest.
                }
            });
            byte[] answer = socket.getInputStream().readAllBytes();
            sending.join();
            return parse(answer);
        }
    }

    /** A form body of {@code bytes} bytes: one long scene. */
    private static byte[] form(int bytes) {
        return ("scene=" + "a".repeat(bytes - "scene=".length())).getBytes(StandardCharsets.US_ASCII);
    }

    private static Answer parse(byte[] bytes) {
        // After an interim 100 Continue, if any.
        String text = new String(bytes, StandardCharsets.ISO_8859_1).replaceFirst("^HTTP/1\\.1 100[^\r]*\r\n\r\n", "");
        int end = text.indexOf("\r\n\r\n");
        String[] head = text.substring(0, end).split("\r\n");
        String contentType = Arrays.stream(head).filter(h -> h.toLowerCase(Locale.ROOT).startsWith("content-type:"))
                .map(h -> h.substring(h.indexOf(':') + 1).strip()).findFirst().orElse("");
        boolean chunked = Arrays.stream(head).anyMatch(h -> h.equalsIgnoreCase("Transfer-Encoding: chunked"));
        String body = text.substring(end + 4);
        return new Answer(Integer.parseInt(head[0].split(" ")[1]), contentType,
                JsonMapper.shared().readTree((chunked ? unchunk(body) : body).getBytes(StandardCharsets.ISO_8859_1)));
    }

    /** The body of a chunked answer, its bytes as Latin-1 characters (one each). */
    private static String unchunk(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int size; (size = Integer.parseInt(body.substring(at, body.indexOf("\r\n", at)), 16)) > 0; ) {
            int start = body.indexOf("\r\n", at) + 2;
            out.append(body, start, start + size);
            at = start + size + 2;
        }
        return out.toString();
    }
}
