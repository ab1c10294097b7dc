package io.careledger.service.config;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one database for events, tracking tokens and deadlines, from the usual {@code spring.datasource.*}
 * properties. It is declared here rather than left to Boot's auto-configuration because Axon's JDBC
 * auto-configuration activates only when a {@link DataSource} bean already exists when it is evaluated, and
 * on Boot 4 nothing orders it after Boot's own data-source configuration: without this bean Axon would
 * silently fall back to an in-memory event store and token store.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DataSourceProperties.class)
public class DataSourceConfiguration {

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties properties) {
        return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }
}
