package io.careledger.service.config;

import java.time.Clock;
import java.util.List;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/** How messages are stored and what travels with them. */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** Time for every decision; tests replace it with a controllable clock. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventNames eventNames() {
        return EventNames.scan("io.careledger.api");
    }

    /** Jackson 3 JSON, stored under stable event names rather than Java class names. */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(RevisionResolver revisionResolver, EventNames eventNames) {
        Serializer json = Jackson3Serializer.builder()
                                            .revisionResolver(revisionResolver)
                                            .converter(new ChainingConverter(getClass().getClassLoader()))
                                            .build();
        return new StableEventNameSerializer(json, eventNames);
    }

    /**
     * Tracking tokens name their own classes ({@code @class}), and Axon 4.13.0's {@code ReplayToken} has an
     * {@code Object}-typed field that Jackson 3 refuses by default (AxonFramework#4160, fixed upstream by
     * typing the field). Without this, a reset processor can never read its token back and a rebuild stalls.
     * Only Axon's own classes may be named, so stored data cannot make the mapper instantiate anything else.
     */
    @Bean
    Jackson3SerializerCustomizer axonTokenTypes() {
        return mapper -> mapper.polymorphicTypeValidator(
                BasicPolymorphicTypeValidator.builder().allowIfSubType("org.axonframework.").build());
    }

    /**
     * Axon calls the direct parent "correlation" and the root "trace"; auditors know them as causation and
     * correlation, so the keys say that.
     */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider("causationId", "correlationId");
    }

    @Bean
    CorrelationDataProvider actorCorrelationDataProvider() {
        return new ActorCorrelationDataProvider();
    }

    /**
     * Axon applies correlation data to commands and event handling, but not to a deadline that fires: without
     * this, the events an automatic escalation records would carry no actor and no correlation at all.
     */
    @Bean
    SmartInitializingSingleton correlateDeadlines(DeadlineManager deadlines, List<CorrelationDataProvider> providers) {
        return () -> deadlines.registerHandlerInterceptor(new CorrelationDataInterceptor<>(providers));
    }

    /**
     * A projection that fails on an event must not skip it: the error propagates, the processor releases its
     * claim and retries from the same token, so read models never silently lose an event.
     */
    @Bean
    ConfigurerModule retryFailedEventHandling() {
        return configurer -> configurer.eventProcessing()
                                       .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }
}
