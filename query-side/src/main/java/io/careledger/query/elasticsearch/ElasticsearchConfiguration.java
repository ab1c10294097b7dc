package io.careledger.query.elasticsearch;

import java.math.BigDecimal;
import java.net.URI;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import com.fasterxml.jackson.annotation.JsonFormat;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Elasticsearch client of the read models: an external cluster when {@code careledger.elasticsearch.url}
 * is set, otherwise a node the service starts itself and stops when its context closes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ElasticsearchProperties.class)
public class ElasticsearchConfiguration {

    /** The node {@link EarlyElasticsearchStart} began starting, if it did; a new one otherwise. */
    @Bean(initMethod = "start", destroyMethod = "stop")
    @ConditionalOnExpression("'${careledger.elasticsearch.url:}'.isBlank()")
    public ManagedElasticsearch managedElasticsearch(ElasticsearchProperties properties,
                                                     ObjectProvider<EarlyElasticsearchStart.Started> early) {
        EarlyElasticsearchStart.Started started = early.getIfAvailable();
        return started != null ? started.node() : ManagedElasticsearch.of(properties);
    }

    @Bean(destroyMethod = "close")
    public ElasticsearchClient elasticsearchClient(ElasticsearchProperties properties,
                                                   ObjectProvider<ManagedElasticsearch> managed) {
        return client(properties.managed() ? managed.getObject().url() : URI.create(properties.url()));
    }

    /**
     * A client whose documents look the way the index mappings expect: instants as ISO-8601 strings (the
     * Jackson 3 default) and amounts as exact decimal strings, so a {@code 12.50} reads back as {@code 12.50}.
     */
    public static ElasticsearchClient client(URI url) {
        JsonMapper documents = JsonMapper.builder()
                .withConfigOverride(BigDecimal.class,
                        amount -> amount.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
                .build();
        return ElasticsearchClient.of(config -> config.host(url.toString()).jsonMapper(new Jackson3JsonpMapper(documents)));
    }
}
