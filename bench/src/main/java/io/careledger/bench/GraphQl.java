package io.careledger.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A GraphQL client over HTTP, signed in with HTTP Basic as one of the documented users. */
final class GraphQl {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final String authorization;

    GraphQl(URI service, String user, String password) {
        this.endpoint = service.resolve("/graphql");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code data} of the answer; fails on a transport error, a GraphQL error or a payload's user errors. */
    JsonNode call(String document, Map<String, Object> variables) throws IOException, InterruptedException {
        byte[] body = JSON.writeValueAsBytes(Map.of("query", document, "variables", variables));
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GraphQL answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        JsonNode answer = JSON.readTree(response.body());
        if (answer.has("errors") && !answer.get("errors").isEmpty()) {
            throw new IOException("GraphQL errors: " + answer.get("errors"));
        }
        JsonNode data = answer.get("data");
        for (JsonNode field : data) {
            JsonNode errors = field.get("errors");
            if (errors != null && errors.isArray() && !errors.isEmpty()) {
                throw new IOException("User errors: " + errors);
            }
        }
        return data;
    }
}
