package io.careledger.service.privacy;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** Personal-data keys in the service's database, and the cipher that uses them. */
@Configuration(proxyBeanMethods = false)
public class PrivacyConfiguration {

    @Bean
    PersonalDataCipher personalDataCipher() {
        return new PersonalDataCipher();
    }

    /**
     * Also the customer aggregate's {@link io.careledger.command.customer.PersonalDataKeys}.
     *
     * @param keyCacheTtl  how long a key is used from memory; bounds how long another instance can still read a
     *                     customer erased here
     * @param keyCacheSize how many customers' keys are kept in memory
     */
    @Bean
    CustomerKeyStore customerKeyStore(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                      PersonalDataCipher cipher, Clock clock,
                                      @Value("${careledger.privacy.key-cache-ttl:60s}") Duration keyCacheTtl,
                                      @Value("${careledger.privacy.key-cache-size:10000}") int keyCacheSize) {
        return new CustomerKeyStore(jdbc, transactions, cipher, clock, keyCacheTtl, keyCacheSize);
    }
}
