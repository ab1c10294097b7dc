package io.careledger.service.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL over plain HTTP, for tests that must see the status, the raw body and malformed requests exactly as a
 * client would.
 */
public final class RawGraphQl {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI endpoint;
    private final String authorization;

    private RawGraphQl(URI endpoint, String authorization) {
        this.endpoint = endpoint;
        this.authorization = authorization;
    }

    public static RawGraphQl basic(int port, String user, String password) {
        return new RawGraphQl(URI.create("http://localhost:" + port + "/graphql"), "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public static RawGraphQl bearer(int port, String token) {
        return new RawGraphQl(URI.create("http://localhost:" + port + "/graphql"), "Bearer " + token);
    }

    /** The answer as a client sees it: status, raw body and, when the body is JSON, its content. */
    public record Answer(int status, String body, Map<String, Object> json) {
        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> errors() {
            Object errors = json == null ? null : json.get("errors");
            return errors == null ? List.of() : (List<Map<String, Object>>) errors;
        }

        /** The classification of each GraphQL error. */
        @SuppressWarnings("unchecked")
        public List<String> classifications() {
            return errors().stream()
                           .map(error -> (Map<String, Object>) error.getOrDefault("extensions", Map.of()))
                           .map(extensions -> String.valueOf(extensions.get("classification")))
                           .toList();
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> data() {
            return json == null ? null : (Map<String, Object>) json.get("data");
        }
    }

    public Answer query(String document, Map<String, Object> variables) {
        return post("application/json", JSON.writeValueAsString(Map.of("query", document, "variables", variables)));
    }

    public Answer post(String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                                                 .timeout(Duration.ofSeconds(60))
                                                 .header("Accept", "application/graphql-response+json, application/json")
                                                 .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    public Answer get(String query) {
        return send(HttpRequest.newBuilder(URI.create(endpoint + "?query=" + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8)))
                               .header("Authorization", authorization).GET().build());
    }

    @SuppressWarnings("unchecked")
    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Map<String, Object> json = null;
            try {
                json = JSON.readValue(response.body(), Map.class);
            } catch (RuntimeException notJson) {
                // Left null: the caller checks what a non-JSON answer may be.
            }
            return new Answer(response.statusCode(), response.body(), json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
