package io.careledger.service.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole service on a random port, on the embedded default: H2 and a managed real Elasticsearch, under a
 * data directory of this test run. Every test class using it shares one application context (and so one
 * Elasticsearch node); tests keep apart by using their own stores, customers and texts. Bearer tokens from
 * {@link TestTokens} are accepted beside HTTP Basic.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
@ContextConfiguration(initializers = TestTokens.class)
@TestPropertySource(properties = {
        "careledger.data-dir=./target/it-data/shared",
        "careledger.scheduler.polling-interval=200ms",
        "careledger.regions[0].id=it-east",
        "careledger.regions[0].stores[0]=IT-EAST-1",
        "careledger.regions[0].stores[1]=IT-EAST-2",
        "careledger.regions[1].id=it-west",
        "careledger.regions[1].stores[0]=IT-WEST-1",
})
public @interface ServiceTest {
}
