package org.lrplayground.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the API tests over real HTTP share: the server on a random port, its JSON mapper, a GET and the 400's shape. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class OverHttp {

    final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Percent-encodes what java.net.URI refuses in a query (the server decodes it back). */
    URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + port + pathAndQuery.replace("^", "%5E"));
    }

    /** The answer is a 400 whose JSON names {@code parameter}; returns its error text. */
    String badRequest(String pathAndQuery, String parameter) throws IOException, InterruptedException {
        HttpResponse<String> answer = get(pathAndQuery);
        assertThat(answer.statusCode()).as(pathAndQuery).isEqualTo(400);
        JsonNode error = json.readTree(answer.body());
        assertThat(error.get("parameter").asString()).as(pathAndQuery).isEqualTo(parameter);
        return error.get("error").asString();
    }
}
