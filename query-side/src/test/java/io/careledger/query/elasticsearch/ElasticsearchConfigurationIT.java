package io.careledger.query.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ElasticsearchConfigurationIT {
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(ElasticsearchConfiguration.class);

    @Test
    void withoutAUrlTheServiceRunsItsOwnNodeAndStopsItWithTheContext() {
        String dataDir = TestElasticsearch.freshDirectory("spring").toString();
        ManagedElasticsearch[] node = new ManagedElasticsearch[1];

        context.withPropertyValues(
                        "careledger.elasticsearch.distribution-home=" + TestElasticsearch.distributionHome(),
                        "careledger.elasticsearch.data-dir=" + dataDir)
                .run(running -> {
                    assertThat(running).hasNotFailed();
                    node[0] = running.getBean(ManagedElasticsearch.class);
                    assertThat(node[0].isRunning()).isTrue();
                    assertThat(running.getBean(ElasticsearchClient.class).cluster().health().status())
                            .isIn(HealthStatus.Green, HealthStatus.Yellow);
                });

        assertThat(node[0].isRunning()).isFalse();
        assertThat(node[0].dataDir().resolve("elasticsearch.pid")).doesNotExist();
        assertThat(Files.isDirectory(node[0].dataDir().resolve("data"))).isTrue();
    }

    @Test
    void theNodeBegunBeforeTheContextIsTheOneTheContextRunsAndStops() {
        String dataDir = TestElasticsearch.freshDirectory("early").toString();
        ManagedElasticsearch[] node = new ManagedElasticsearch[1];

        context.withInitializer(new EarlyElasticsearchStart())
                .withPropertyValues(
                        "careledger.elasticsearch.distribution-home=" + TestElasticsearch.distributionHome(),
                        "careledger.elasticsearch.data-dir=" + dataDir,
                        // Room for a machine busy with other builds; the test is about which node, not how fast.
                        "careledger.elasticsearch.start-timeout=180s")
                .run(running -> {
                    assertThat(running).hasNotFailed();
                    node[0] = running.getBean(ManagedElasticsearch.class);
                    assertThat(running.getBean(EarlyElasticsearchStart.Started.class).node()).isSameAs(node[0]);
                    assertThat(node[0].isRunning()).isTrue();
                    assertThat(running.getBean(ElasticsearchClient.class).cluster().health().status())
                            .isIn(HealthStatus.Green, HealthStatus.Yellow);
                });

        assertThat(node[0].isRunning()).isFalse();
        assertThat(node[0].dataDir().resolve("elasticsearch.pid")).doesNotExist();
    }

    @Test
    void aNodeBegunEarlyIsStoppedWhenTheContextFailsBeforeItsBeanIsCreated() {
        String dataDir = TestElasticsearch.freshDirectory("early-failed").toString();
        EarlyElasticsearchStart.Started[] started = new EarlyElasticsearchStart.Started[1];

        new ApplicationContextRunner()
                .withInitializer(new EarlyElasticsearchStart())
                .withInitializer(context -> started[0] = context.getBeanFactory().getBean(EarlyElasticsearchStart.Started.class))
                .withBean("broken", String.class, () -> {
                    throw new IllegalStateException("a bean that cannot be created");
                })
                .withPropertyValues(
                        "careledger.elasticsearch.distribution-home=" + TestElasticsearch.distributionHome(),
                        "careledger.elasticsearch.data-dir=" + dataDir,
                        "careledger.elasticsearch.start-timeout=180s")
                .run(running -> assertThat(running).hasFailed());

        assertThat(started[0]).isNotNull();
        assertThat(started[0].node().isRunning()).isFalse();
        assertThat(started[0].node().dataDir().resolve("elasticsearch.pid")).doesNotExist();
    }

    @Test
    void nothingIsBegunEarlyForAnExternalClusterOrWithoutADistribution() {
        context.withInitializer(new EarlyElasticsearchStart())
                .withPropertyValues("careledger.elasticsearch.url=http://search.example:9200")
                .run(running -> assertThat(running).doesNotHaveBean(EarlyElasticsearchStart.Started.class)
                                                   .doesNotHaveBean(ManagedElasticsearch.class));
        context.withInitializer(new EarlyElasticsearchStart())
                .run(running -> assertThat(running).getFailure().rootCause()
                        .hasMessageContaining("careledger.elasticsearch.distribution-home"));
    }

    @Test
    void aNodeThatFailedToStartInTheBackgroundIsReportedByStart() {
        Path nowhere = TestElasticsearch.freshDirectory("no-distribution");
        ManagedElasticsearch node = new ManagedElasticsearch(nowhere, nowhere.resolve("data"), null, "512m",
                Duration.ofSeconds(5));
        node.startInBackground();
        org.assertj.core.api.Assertions.assertThatThrownBy(node::start)
                .hasMessageContaining("No Elasticsearch distribution at");
        assertThat(node.isRunning()).isFalse();
    }

    @Test
    void withoutAUrlOrADistributionItSaysWhatToSet() {
        context.run(running -> assertThat(running).getFailure()
                .rootCause()
                .hasMessageContaining("careledger.elasticsearch.url")
                .hasMessageContaining("careledger.elasticsearch.distribution-home"));
    }

    @Test
    void theDefaultsSuitTheEmbeddedRun() {
        context.withPropertyValues("careledger.elasticsearch.url=http://search.example:9200").run(running -> {
            ElasticsearchProperties properties = running.getBean(ElasticsearchProperties.class);
            assertThat(properties.managed()).isFalse();
            assertThat(properties.dataDir().normalize()).isEqualTo(Path.of("data", "elasticsearch"));
            assertThat(properties.heap()).isEqualTo("512m");
            assertThat(properties.startTimeout()).isEqualTo(Duration.ofSeconds(90));
            assertThat(running).doesNotHaveBean(ManagedElasticsearch.class).hasSingleBean(ElasticsearchClient.class);
        });
    }
}
