package io.careledger.query.elasticsearch;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the read models live. With {@code url} set the service uses that cluster and manages nothing;
 * without it the service starts the Elasticsearch distribution at {@code distributionHome} itself, so
 * the embedded default run needs no separately installed search server.
 *
 * @param url              an external cluster, e.g. {@code http://search:9200}; blank means "manage one"
 * @param distributionHome an unpacked Elasticsearch 9 distribution, needed only when {@code url} is blank
 * @param dataDir          where the managed node keeps its indices, logs and configuration across restarts
 * @param javaHome         the JDK (21 or newer) for the managed node; found automatically when not set
 * @param heap             the managed node's JVM heap, in JVM notation ({@code 512m}, {@code 2g})
 * @param startTimeout     how long to wait for the managed node to become healthy
 */
@ConfigurationProperties("careledger.elasticsearch")
public record ElasticsearchProperties(
        String url,
        Path distributionHome,
        @DefaultValue("./data/elasticsearch") Path dataDir,
        Path javaHome,
        @DefaultValue("512m") String heap,
        @DefaultValue("90s") Duration startTimeout) {

    public boolean managed() {
        return url == null || url.isBlank();
    }
}
