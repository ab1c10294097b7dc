package io.careledger.query.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

/**
 * The one Elasticsearch node a test JVM shares (starting one takes about ten seconds), on a data directory
 * wiped when the JVM first asks for it. The node's own shutdown hook stops it when the JVM exits.
 */
public final class TestElasticsearch {
    private static final Properties SETTINGS = settings();
    private static ManagedElasticsearch shared;
    private static ElasticsearchClient client;

    private TestElasticsearch() {
    }

    public static synchronized ManagedElasticsearch node() {
        if (shared == null) {
            shared = newNode("shared");
            shared.start();
        }
        return shared;
    }

    public static synchronized ElasticsearchClient client() {
        if (client == null) {
            client = ElasticsearchConfiguration.client(url());
        }
        return client;
    }

    public static URI url() {
        return node().url();
    }

    /** A node of its own on a fresh data directory, not started. */
    static ManagedElasticsearch newNode(String name) {
        return new ManagedElasticsearch(distributionHome(), freshDirectory(name), null, "512m", Duration.ofSeconds(120));
    }

    static Path distributionHome() {
        return Path.of(SETTINGS.getProperty("distribution.home"));
    }

    static Path freshDirectory(String name) {
        Path directory = Path.of(SETTINGS.getProperty("data.root")).resolve(name);
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(path);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return directory;
    }

    private static Properties settings() {
        try (InputStream in = TestElasticsearch.class.getResourceAsStream("/elasticsearch-test.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
