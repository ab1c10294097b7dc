package io.careledger.service.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {
    /** Primary, so it wins over the service's system clock however the configurations are ordered. */
    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock();
    }
}
