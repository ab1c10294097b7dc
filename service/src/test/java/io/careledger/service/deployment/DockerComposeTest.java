package io.careledger.service.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs here, so the production stack is checked as written: every service, image tag, port,
 * volume, health check and start order, and every environment variable the production profile reads.
 */
class DockerComposeTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern ENVIRONMENT_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

    private final Map<String, Object> compose = yaml(ROOT.resolve("docker-compose.yml"));
    private final Map<String, Object> services = map(compose, "services");

    @Test
    void theStackHasItsFourServicesOnExplicitImageTags() {
        assertThat(services).containsOnlyKeys("kurrentdb", "postgres", "elasticsearch", "careledger");
        assertThat(image("kurrentdb")).startsWith("kurrentplatform/kurrentdb:").doesNotEndWith(":latest");
        assertThat(image("postgres")).isEqualTo("postgres:17");
        assertThat(image("elasticsearch")).startsWith("docker.elastic.co/elasticsearch/elasticsearch:9.");
        assertThat(map(services, "careledger").get("build"))
                .isEqualTo(Map.of("context", ".", "dockerfile", "service/Dockerfile"));
    }

    @Test
    void eachServiceIsReachableOnItsUsualPort() {
        assertThat(ports("kurrentdb")).containsExactly("2113:2113");
        assertThat(ports("postgres")).containsExactly("5432:5432");
        assertThat(ports("elasticsearch")).containsExactly("9200:9200");
        assertThat(ports("careledger")).containsExactly("8080:8080");
    }

    @Test
    void everyStoreKeepsItsDataInANamedVolume() {
        Set<String> declared = map(compose, "volumes").keySet();
        assertThat(volumes("kurrentdb")).containsExactly("kurrentdb-data:/var/lib/kurrentdb");
        assertThat(volumes("postgres")).containsExactly("postgres-data:/var/lib/postgresql/data");
        assertThat(volumes("elasticsearch")).containsExactly("elasticsearch-data:/usr/share/elasticsearch/data");
        assertThat(declared).containsExactlyInAnyOrder("kurrentdb-data", "postgres-data", "elasticsearch-data");
    }

    @Test
    void everyServiceHasAHealthCheckAndTheServiceStartsOnlyOnHealthyStores() {
        services.keySet().forEach(name -> assertThat(healthCheck(name)).as(name).isNotEmpty());
        assertThat(String.join(" ", healthCheck("kurrentdb"))).contains("/health/live");
        assertThat(String.join(" ", healthCheck("postgres"))).contains("pg_isready");
        assertThat(String.join(" ", healthCheck("elasticsearch"))).contains("/_cluster/health");
        assertThat(String.join(" ", healthCheck("careledger"))).contains("/actuator/health");
        assertThat(map(map(services, "careledger"), "depends_on")).isEqualTo(Map.of(
                "kurrentdb", Map.of("condition", "service_healthy"),
                "postgres", Map.of("condition", "service_healthy"),
                "elasticsearch", Map.of("condition", "service_healthy")));
    }

    @Test
    void theStoresRunAsSingleNodesWithoutSecurityForLocalUse() {
        assertThat(environment("kurrentdb")).containsEntry("KURRENTDB_INSECURE", "true")
                                            .containsEntry("KURRENTDB_CLUSTER_SIZE", "1");
        assertThat(environment("elasticsearch")).containsEntry("discovery.type", "single-node")
                                                .containsEntry("xpack.security.enabled", "false");
        assertThat(environment("postgres")).containsEntry("POSTGRES_DB", "careledger");
    }

    @Test
    void everyEnvironmentVariableTheProductionProfileReadsIsSetAndPointsAtTheStack() throws IOException {
        String profile = Files.readString(ROOT.resolve("service/src/main/resources/application-production.yml"));
        Set<String> read = new TreeSet<>();
        Matcher placeholders = ENVIRONMENT_PLACEHOLDER.matcher(profile);
        while (placeholders.find()) {
            read.add(placeholders.group(1));
        }
        Map<String, String> environment = environment("careledger");

        assertThat(read).isNotEmpty();
        assertThat(environment).containsKeys(read.toArray(String[]::new))
                               .containsEntry("SPRING_PROFILES_ACTIVE", "production");
        assertThat(environment.get("CARELEDGER_KURRENTDB_CONNECTION_STRING")).startsWith("kurrentdb://kurrentdb:2113");
        assertThat(environment.get("CARELEDGER_DATASOURCE_URL")).startsWith("jdbc:postgresql://postgres:5432/");
        assertThat(environment.get("CARELEDGER_DATASOURCE_USERNAME")).isEqualTo(environment("postgres").get("POSTGRES_USER"));
        assertThat(environment.get("CARELEDGER_DATASOURCE_PASSWORD"))
                .isEqualTo(environment("postgres").get("POSTGRES_PASSWORD"));
        assertThat(environment.get("CARELEDGER_ELASTICSEARCH_URL")).isEqualTo("http://elasticsearch:9200");
    }

    @Test
    void theServiceImageRunsThePackagedJarOnAJava17Runtime() throws IOException {
        List<String> dockerfile = Files.readAllLines(ROOT.resolve("service/Dockerfile"));

        assertThat(dockerfile).contains("FROM eclipse-temurin:17-jre")
                              .anySatisfy(line -> assertThat(line).startsWith("COPY service/target/careledger-service.jar "))
                              .anySatisfy(line -> assertThat(line).startsWith("USER "))
                              .anySatisfy(line -> assertThat(line).contains("EXPOSE 8080"));
    }

    private String image(String service) {
        return (String) map(services, service).get("image");
    }

    @SuppressWarnings("unchecked")
    private List<String> ports(String service) {
        return (List<String>) map(services, service).get("ports");
    }

    @SuppressWarnings("unchecked")
    private List<String> volumes(String service) {
        return (List<String>) map(services, service).get("volumes");
    }

    @SuppressWarnings("unchecked")
    private List<String> healthCheck(String service) {
        return (List<String>) map(map(services, service), "healthcheck").get("test");
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> environment(String service) {
        return (Map<String, String>) (Map<String, ?>) map(map(services, service), "environment");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> yaml(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
