package org.lrplayground.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * deploy/haproxy.cfg passes {@code haproxy -c}, as docker-compose.yml starts it and as TwoInstancesIT
 * does, and tells the instances who the client is in headers that the client cannot write.
 */
class HaproxyConfigTest {

    /** What {@code haproxy -c} said, and its exit code. */
    private record Check(int exitCode, String output) {
    }

    private static Check check(Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Haproxy.command("-c")).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("LRP_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Check(process.waitFor(), output);
    }

    @Test
    void withComposesDefaultsItIsValidWhereTheirHostnamesDoNotResolve() throws Exception {
        Check check = check(Map.of());

        assertThat(check.exitCode()).as("haproxy -c said:%n%s", check.output()).isZero();
    }

    @Test
    void withTheAddressesFromTheEnvironmentItHasNoWarnings() throws Exception {
        Check check = check(Map.of("LRP_BIND", "127.0.0.1:18080", "LRP_APP1", "127.0.0.1:18081", "LRP_APP2", "127.0.0.1:18082"));

        assertThat(check.exitCode()).as("haproxy -c said:%n%s", check.output()).isZero();
        assertThat(check.output()).doesNotContain("[WARNING]", "[ALERT]");
    }

    @Test
    void theInstancesGetTheClientsAddressAndSchemeAsHaproxySawThemWhateverTheClientSent() throws Exception {
        Map<String, List<String>> seen = new ConcurrentHashMap<>();
        HttpServer instance = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        instance.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().equals("/forged")) {
                exchange.getRequestHeaders().forEach(seen::put);
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        instance.start();
        int port = freePort();
        String app = "127.0.0.1:" + instance.getAddress().getPort();
        try (ChildProcess haproxy = ChildProcess.start("haproxy-headers", Haproxy.command("-db"),
                Map.of("LRP_BIND", "127.0.0.1:" + port, "LRP_APP1", app, "LRP_APP2", app))) {
            haproxy.awaitOk(URI.create("http://127.0.0.1:" + port + "/"), Duration.ofSeconds(10));
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/forged"))
                    .header("X-Forwarded-For", "203.0.113.9").header("X-Forwarded-Proto", "https").build(),
                    HttpResponse.BodyHandlers.discarding());
        } finally {
            instance.stop(0);
        }

        assertThat(seen.get("X-forwarded-for")).containsExactly("127.0.0.1");
        assertThat(seen).as("the client's X-Forwarded-Proto is removed over plain HTTP").doesNotContainKey("X-forwarded-proto");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
