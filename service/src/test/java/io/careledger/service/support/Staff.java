package io.careledger.service.support;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

/** GraphQL clients signed in as the documented users of the embedded run. */
public final class Staff {
    private final String baseUrl;

    public Staff(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    public HttpGraphQlTester agent() {
        return as("agent", "agent-pass");
    }

    public HttpGraphQlTester supervisor() {
        return as("supervisor", "supervisor-pass");
    }

    public HttpGraphQlTester auditor() {
        return as("auditor", "auditor-pass");
    }

    public HttpGraphQlTester analyst() {
        return as("analyst", "analyst-pass");
    }

    public HttpGraphQlTester admin() {
        return as("admin", "admin-pass");
    }

    /** The store-scoped agent of the embedded run (store SH-001). */
    public HttpGraphQlTester agentSh() {
        return as("agent-sh", "agent-sh-pass");
    }

    /** A client presenting a bearer token. */
    public HttpGraphQlTester bearer(String token) {
        return HttpGraphQlTester.create(client(baseUrl + "/graphql").mutate()
                .defaultHeaders(headers -> headers.setBearerAuth(token))
                .build());
    }

    public HttpGraphQlTester as(String user, String password) {
        return HttpGraphQlTester.create(client(baseUrl + "/graphql").mutate()
                .defaultHeaders(headers -> headers.setBasicAuth(user, password))
                .build());
    }

    /** A GraphQL client over the WebSocket endpoint (subscriptions), signed in at the handshake. */
    public WebSocketGraphQlTester webSocket(String user, String password) {
        return WebSocketGraphQlTester.builder(baseUrl.replace("http:", "ws:") + "/graphql-ws", new StandardWebSocketClient())
                                     .headers(headers -> headers.setBasicAuth(user, password))
                                     .build();
    }

    /** Plain HTTP to the service root, with no credentials. */
    public WebTestClient anonymous() {
        return client(baseUrl);
    }

    private static WebTestClient client(String url) {
        return WebTestClient.bindToServer(new JdkClientHttpConnector()).baseUrl(url).build();
    }
}
