package org.lrplayground;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Requests to the application under test over real HTTP, redirects unfollowed: the answers as a browser first gets them. */
public final class LocalHttp {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private LocalHttp() {
    }

    /**
     * {@code GET http://localhost:<port><path>}.
     *
     * @param headers names and values, alternately
     */
    public static HttpResponse<String> get(int port, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * {@code POST http://localhost:<port><path>} with a form body.
     *
     * @param form    the body, already URL-encoded, e.g. {@code name=Ada&run=sgd%3Alr%3D0.1}
     * @param headers names and values, alternately
     */
    public static HttpResponse<String> post(int port, String path, String form, String... headers)
            throws IOException, InterruptedException {
        return send(port, "POST", path, form, headers);
    }

    /** {@link #post}'s request with another method, e.g. PUT. */
    public static HttpResponse<String> send(int port, String method, String path, String form, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, HttpRequest.BodyPublishers.ofString(form));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
