package io.careledger.service.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole service on a random port in the production profile: events in KurrentDB (the test server, over real
 * gRPC), tokens and deadlines in PostgreSQL, projections segmented. Its own data directory and context, apart from
 * {@link ServiceTest}'s; the classes using it share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("production")
@ContextConfiguration(initializers = {ProductionBackends.class, TestTokens.class})
@Import(TestClockConfiguration.class)
@TestPropertySource(properties = {
        "careledger.data-dir=./target/it-data/production",
        "careledger.scheduler.polling-interval=200ms",
        "careledger.kurrentdb.operation-timeout=2s",
        // The profile signs staff in with bearer tokens only; the shared scenarios sign in with the documented users.
        "careledger.security.basic.enabled=true",
})
public @interface ProductionServiceTest {
}
