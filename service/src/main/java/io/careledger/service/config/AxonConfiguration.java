package io.careledger.service.config;

import io.careledger.command.eventstore.infra.kurrentdb.KurrentTrackingToken;
import io.careledger.query.cases.ReadablePayloads;
import io.careledger.service.privacy.CustomerKeyStore;
import io.careledger.service.privacy.PersonalDataCipher;
import io.careledger.service.privacy.PersonalDataSerializer;
import java.time.Clock;
import java.util.List;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
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

    /**
     * Every unit of work (a command, a batch of an event processor, a deadline) in a Spring transaction on the
     * service's data source. Axon's own transaction auto-configuration waits for Boot's by its Boot 3 class name;
     * on Boot 4 that class moved, nothing orders the two, and Axon settled for no transaction at all: a command's
     * events were committed one statement at a time, and a deadline the command cancelled took a second pooled
     * connection while the command held its first, which drained the pool under 8 concurrent clients (found by the
     * benchmark).
     */
    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactions) {
        return new SpringTransactionManager(transactions);
    }

    /**
     * Jackson 3 JSON, stored under stable event names rather than Java class names, with every personal field
     * sealed with its customer's key ({@link PersonalDataSerializer}).
     */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(RevisionResolver revisionResolver, EventNames eventNames, CustomerKeyStore keys,
                               PersonalDataCipher cipher) {
        return new PersonalDataSerializer(namedJson(revisionResolver, eventNames), keys, cipher);
    }

    /**
     * Payloads as the case history shows them: the stored JSON with personal fields opened. Not a
     * {@link Serializer} bean (a second one would displace Axon's general serializer), and it never writes to the store.
     */
    @Bean
    ReadablePayloads readablePayloads(RevisionResolver revisionResolver, EventNames eventNames) {
        Serializer json = namedJson(revisionResolver, eventNames);
        return payload -> json.serialize(payload, String.class).getData();
    }

    private Serializer namedJson(RevisionResolver revisionResolver, EventNames eventNames) {
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
     * Only Axon's own classes and the KurrentDB position may be named, so stored data cannot make the mapper
     * instantiate anything else.
     */
    @Bean
    Jackson3SerializerCustomizer axonTokenTypes() {
        return mapper -> mapper.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .allowIfSubType(KurrentTrackingToken.class)
                .build());
    }

    /**
     * Tells a concurrent append apart from other database failures by SQL state 23505 (unique violation). Axon's
     * default resolver looks for {@code SQLIntegrityConstraintViolationException} only, and H2 and PostgreSQL
     * report a duplicate key of a batch insert differently: without this, two commands racing on one aggregate
     * ended in a generic storage error instead of Axon's {@code ConcurrencyException}.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
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
     * Every event processor without settings of its own becomes a pooled streaming processor split into
     * {@code careledger.projections.initial-segment-count} segments, so several service instances share the
     * projection work through the token store. Only set in the production profile; the embedded default keeps
     * Axon's defaults.
     */
    @Bean
    @ConditionalOnProperty("careledger.projections.initial-segment-count")
    ConfigurerModule segmentedProjections(@Value("${careledger.projections.initial-segment-count}") int segments) {
        return configurer -> configurer.eventProcessing().usingPooledStreamingEventProcessors(
                (configuration, builder) -> builder.initialSegmentCount(segments));
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
