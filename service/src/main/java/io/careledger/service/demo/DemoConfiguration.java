package io.careledger.service.demo;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.careledger.api.metrics.MetricsDefinition;
import io.careledger.service.care.RegionsProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Demo mode: {@code --careledger.demo.customers=N} generates a dataset when the service has started (see the
 * README), then keeps serving it, or exits with {@code --careledger.demo.exit=true} (benchmarks). The service
 * clock becomes a {@link DemoClock}, real time except while the generator sets it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "careledger.demo", name = "customers")
public class DemoConfiguration {

    /**
     * Primary: the service's own system clock may be defined as well (its {@code @ConditionalOnMissingBean} is
     * judged before this configuration is read), and every decision must read this one.
     */
    @Bean
    @Primary
    DemoClock demoClock() {
        return new DemoClock(Clock.systemUTC());
    }

    /**
     * @param until  the end of the generated months; by default today's midnight in the metrics zone, so the
     *               same seed on the same day gives the same dataset
     * @param stores by default every store of every configured region
     */
    @Bean
    ApplicationRunner demoData(CommandGateway commands, EventStore events, Scheduler scheduler, DemoClock clock,
                               RegionsProperties regions, ApplicationContext context,
                               @Value("${careledger.demo.customers}") int customers,
                               @Value("${careledger.demo.seed:42}") long seed,
                               @Value("${careledger.demo.months:6}") int months,
                               @Value("${careledger.demo.until:}") String until,
                               @Value("${careledger.demo.stores:}") List<String> stores,
                               @Value("${careledger.demo.prefix:demo}") String prefix,
                               @Value("${careledger.demo.exit:false}") boolean exit) {
        return arguments -> {
            Instant end = until.isBlank()
                    ? LocalDate.now(clock).atStartOfDay(MetricsDefinition.ZONE).toInstant()
                    : Instant.parse(until);
            List<String> storeIds = stores.isEmpty()
                    ? regions.regions().stream().flatMap(region -> region.stores().stream()).toList()
                    : stores;
            DemoSettings settings = new DemoSettings(customers, seed, months, end, storeIds, prefix);
            new DemoDataGenerator(commands, events, scheduler, clock).generate(settings, System.out);
            if (exit) {
                System.exit(SpringApplication.exit(context, () -> 0));
            }
        };
    }
}
