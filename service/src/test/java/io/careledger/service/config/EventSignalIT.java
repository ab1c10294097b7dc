package io.careledger.service.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.careledger.service.support.ServiceTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The service's pooled processors read through the signalling source: each of the five projections and the care
 * process has a stream open on it with a callback (one per processor, while it holds segments).
 */
@ServiceTest
class EventSignalIT {
    @Autowired
    SignallingEventSource source;

    @Test
    void everyPooledProcessorListensForNewEvents() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(source.listeners()).isGreaterThanOrEqualTo(6));
    }
}
