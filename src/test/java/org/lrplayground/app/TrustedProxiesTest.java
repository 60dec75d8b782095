package org.lrplayground.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lrplayground.LocalHttp;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With no trusted proxy (the default), forwarded headers are the client's own words: a client
 * that writes another address into each request is still counted at its own. The property is
 * named though it is the default, so that this test, which uses up loopback's attempts with
 * unknown class codes, has an application of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = TrustedProxies.PROPERTY + "=")
class TrustedProxiesTest {

    @LocalServerPort
    private int port;

    @Test
    void aClientForgingItsAddressIsCountedAtItsOwnAndItsSchemeIsNotTaken() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            statuses.add(LocalHttp.post(port, "/api/classes/ZZZZZZ/students", "name=x",
                    "X-Forwarded-For", "203.0.113." + (i + 1), "X-Forwarded-Proto", "https").statusCode());
        }
        HttpResponse<String> created = LocalHttp.post(port, "/api/classes", "scene=run%3Dsgd",
                "X-Forwarded-For", "203.0.113.200", "X-Forwarded-Proto", "https");

        assertThat(statuses.subList(0, 10)).as("lrp.classroom.unknown-codes-per-minute").containsOnly(404);
        assertThat(statuses.subList(10, 60)).containsOnly(429);
        assertThat(created.body()).contains("\"joinUrl\":\"http://localhost:" + port + "/join/");
    }
}
