package io.careledger.service.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.careledger.service.support.Cases;
import io.careledger.service.support.Staff;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged service, killed with SIGKILL right after it acknowledged a command: no shutdown hook runs, its
 * Elasticsearch node is orphaned. The next start adopts the data, replaces the stray node, and nothing that
 * was acknowledged is missing from the event store or from search.
 */
class CrashIT {
    private final Path dataDir = Path.of("target", "it-data", "crash-" + UUID.randomUUID()).toAbsolutePath();
    private final int port = freePort();
    private Process service;

    @Test
    void acknowledgedCommandsSurviveAKill() throws Exception {
        service = start();
        Staff staff = new Staff(port);
        String store = Cases.newStore();
        String customer = Cases.registerCustomer(staff.agent(), store);
        String complaint = Cases.fileComplaint(staff.agent(), customer, store, "PACKAGING_DAMAGE", "外包装破损 crushed box");
        service.destroyForcibly().waitFor();

        service = start();
        assertThat(Cases.history(staff.auditor(), complaint)).extracting(e -> e.get("type"))
                                                          .containsExactly("complaint.filed");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(staff.agent()
                .document("{ searchCases(text: \"包装破损\", storeId: \"" + store + "\") { edges { node { id } } } }")
                .execute().path("searchCases.edges[*].node.id").entityList(String.class).get())
                .containsExactly(complaint));
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (service != null && service.isAlive()) {
            service.destroy();
            service.waitFor();
        }
    }

    private Process start() throws IOException {
        Files.createDirectories(dataDir);
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("target", "careledger-service.jar").toString(),
                "--server.port=" + port, "--careledger.data-dir=" + dataDir))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("service.log").toFile()))
                .start();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                 .ignoreExceptionsInstanceOf(IOException.class).until(() -> {
            assertThat(process.isAlive()).as("the service process is alive (see %s)", dataDir.resolve("service.log"))
                                         .isTrue();
            return http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        });
        return process;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
