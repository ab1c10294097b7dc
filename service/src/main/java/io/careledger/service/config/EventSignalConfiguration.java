package io.careledger.service.config;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the event processors learn of new events: see {@link SignallingEventSource}. */
@Configuration(proxyBeanMethods = false)
public class EventSignalConfiguration {

    /**
     * Named as the {@code source} of every pooled processor in {@code application.yml}
     * ({@code axon.eventhandling.processors.*.source}); a processor without it still works, and polls.
     */
    @Bean(destroyMethod = "close")
    SignallingEventSource signallingEventSource(EventStore eventStore) {
        return new SignallingEventSource(eventStore);
    }
}
