package io.careledger.query.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.sun.security.auth.module.UnixSystem;
import co.elastic.clients.elasticsearch._types.Refresh;
import org.junit.jupiter.api.Test;

class ManagedElasticsearchIT {

    @Test
    void theNodeAnswersHealthAndDoesNotRunAsRoot() throws Exception {
        ManagedElasticsearch node = TestElasticsearch.node();

        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(node.url().resolve("/_cluster/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).containsPattern("\"status\":\"(green|yellow)\"");
        assertThat(ProcessHandle.of(pid(node)).orElseThrow().info().user()).hasValueSatisfying(
                user -> assertThat(user).isNotEqualTo("root"));
    }

    @Test
    void aNodeLeftRunningByADeadServiceIsReplacedAndItsDataKept() throws Exception {
        ManagedElasticsearch crashed = TestElasticsearch.newNode("successor");
        crashed.start();
        long leftover = pid(crashed);
        try (ElasticsearchClient es = ElasticsearchConfiguration.client(crashed.url())) {
            es.index(put -> put.index("kept").id("1").document(Map.of("note", "still here")).refresh(Refresh.True));
        }

        // A new service process on the same data directory, while the old node still holds its lock.
        ManagedElasticsearch successor = new ManagedElasticsearch(TestElasticsearch.distributionHome(),
                crashed.dataDir(), null, "512m", Duration.ofSeconds(120));
        successor.start();
        try (ElasticsearchClient es = ElasticsearchConfiguration.client(successor.url())) {
            assertThat(ProcessHandle.of(leftover).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(es.get(get -> get.index("kept").id("1"), Map.class).source())
                    .containsEntry("note", "still here");
        }

        long running = pid(successor);
        successor.stop();
        assertThat(successor.isRunning()).isFalse();
        assertThat(ProcessHandle.of(running).filter(ProcessHandle::isAlive)).isEmpty();
        crashed.stop();
    }

    /** A clone in a mktemp directory (mode 700) must still work when the service runs as root. */
    @Test
    void aDataDirectoryBehindAPrivateDirectoryIsReachedWithoutOpeningItUp() throws Exception {
        Path privateDir = TestElasticsearch.freshDirectory("private");
        Files.createDirectories(privateDir);
        Files.setPosixFilePermissions(privateDir, PosixFilePermissions.fromString("rwx------"));
        ManagedElasticsearch node = new ManagedElasticsearch(TestElasticsearch.distributionHome(),
                privateDir.resolve("nested").resolve("elasticsearch"), null, "512m", Duration.ofSeconds(120));
        node.start();
        try {
            assertThat(node.isRunning()).isTrue();
            String expected = new UnixSystem().getUid() == 0 ? "rwx-----x" : "rwx------";
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateDir)))
                    .as("only the right to pass through is added, and only where the node needs it")
                    .isEqualTo(expected);
        } finally {
            node.stop();
        }
    }

    @Test
    void aMissingDistributionIsReportedByPath() {
        ManagedElasticsearch node = new ManagedElasticsearch(Path.of("target/no-such-elasticsearch"),
                TestElasticsearch.freshDirectory("missing"), null, "512m", Duration.ofSeconds(5));

        assertThatThrownBy(node::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No Elasticsearch distribution at")
                .hasMessageContaining("no-such-elasticsearch");
    }

    @Test
    void aNodeThatCannotStartIsReportedWithTheEndOfItsOutput() {
        ManagedElasticsearch node = new ManagedElasticsearch(TestElasticsearch.distributionHome(),
                TestElasticsearch.freshDirectory("broken"), null, "lots", Duration.ofSeconds(60));

        assertThatThrownBy(node::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("failed to start")
                .hasMessageContaining("Invalid initial heap size: -Xmslots");
        assertThat(node.isRunning()).isFalse();
    }

    private static long pid(ManagedElasticsearch node) throws IOException {
        return Long.parseLong(Files.readString(node.dataDir().resolve("elasticsearch.pid")).trim());
    }
}
