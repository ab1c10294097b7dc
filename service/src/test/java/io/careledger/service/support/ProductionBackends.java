package io.careledger.service.support;

import io.careledger.command.eventstore.infra.kurrentdb.testserver.KurrentTestServer;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The production profile's backing services for tests, one of each per test JVM: the KurrentDB test server and a
 * local PostgreSQL. They are handed to the service exactly as docker-compose hands over the real ones, through the
 * environment variables the profile reads. Elasticsearch stays the managed local node (the variable is blank).
 */
public final class ProductionBackends implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    private static KurrentTestServer kurrent;
    private static LocalPostgres postgres;

    /** The KurrentDB stand-in, to stop and restart it under a running service. */
    public static synchronized KurrentTestServer kurrent() {
        if (kurrent == null) {
            kurrent = new KurrentTestServer().start();
            postgres = LocalPostgres.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                kurrent.close();
                postgres.close();
            }, "production-backends-stop"));
        }
        return kurrent;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String connectionString = kurrent().connectionString();
        TestPropertyValues.of(
                "CARELEDGER_KURRENTDB_CONNECTION_STRING=" + connectionString,
                "CARELEDGER_DATASOURCE_URL=" + postgres.jdbcUrl(),
                "CARELEDGER_DATASOURCE_USERNAME=" + postgres.username(),
                "CARELEDGER_DATASOURCE_PASSWORD=",
                "CARELEDGER_ELASTICSEARCH_URL=").applyTo(context);
    }
}
