package io.careledger.query.elasticsearch;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Begins starting the managed Elasticsearch node as soon as the configuration is known, before the application
 * context creates any bean, so that the node (a second JVM, about 16 s to healthy on a busy 2-core machine) starts
 * while the service loads its classes, starts its web server, migrates its database and configures Axon. The
 * {@code managedElasticsearch} bean then takes this node, and its {@code start} waits for it to be healthy.
 * Nothing happens when an external cluster is configured ({@code careledger.elasticsearch.url}) or when no
 * distribution is configured (the bean then says what is missing). Registered in {@code META-INF/spring.factories}.
 */
public final class EarlyElasticsearchStart implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    static final String BEAN = "earlyElasticsearchStart";

    /** The node whose start has begun. */
    public record Started(ManagedElasticsearch node) {
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ElasticsearchProperties properties = Binder.get(context.getEnvironment())
                .bindOrCreate("careledger.elasticsearch", ElasticsearchProperties.class);
        if (!properties.managed() || properties.distributionHome() == null
                || context.getBeanFactory().containsSingleton(BEAN)) {
            return;
        }
        ManagedElasticsearch node = ManagedElasticsearch.of(properties);
        node.startInBackground();
        context.getBeanFactory().registerSingleton(BEAN, new Started(node));
        // Stopped with the context's singletons, also when the context fails before the bean that owns the node
        // is created: a node begun early must not outlive a service that never started.
        if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
            registry.registerDisposableBean(BEAN, node::stop);
        }
    }
}
