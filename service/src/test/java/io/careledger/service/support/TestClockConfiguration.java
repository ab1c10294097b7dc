package io.careledger.service.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {
    @Bean
    MutableClock clock() {
        return new MutableClock();
    }
}
