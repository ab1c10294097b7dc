package io.careledger.query.metrics;

import java.io.IOException;
import java.util.Optional;

import io.careledger.api.metrics.MetricsDefinition;
import io.careledger.query.projection.ProjectionName;
import io.careledger.query.projection.ProjectionRebuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Applies a new metric definition: when the index queries read was built for another definition version than
 * this code's ({@link MetricsDefinition#VERSION}), the metrics projection is rebuilt into a new index (from the
 * current mapping, which carries the new version) and the read alias swaps once the replay has caught up;
 * {@code projectionRebuild(projection: METRICS)} shows the progress. With
 * {@code careledger.metrics.rebuild-on-definition-change=false} it only logs, for operators who rebuild by hand.
 */
@Component
public class MetricsDefinitionCheck {
    private static final Logger log = LoggerFactory.getLogger(MetricsDefinitionCheck.class);

    private final MetricsIndex index;
    private final ProjectionRebuilder rebuilder;
    private final boolean rebuild;

    public MetricsDefinitionCheck(MetricsIndex index, ProjectionRebuilder rebuilder,
                                  @Value("${careledger.metrics.rebuild-on-definition-change:true}") boolean rebuild) {
        this.index = index;
        this.rebuilder = rebuilder;
        this.rebuild = rebuild;
    }

    /** After the rebuilder has resumed any rebuild a restart interrupted. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(100)
    public void checkWhenReady() {
        try {
            Optional<String> built = index.readDefinitionVersion();
            if (built.filter(MetricsDefinition.VERSION::equals).isPresent()) {
                return;
            }
            if (!index.readIndex().equals(index.writeIndex())) {
                log.info("A metrics rebuild is under way into {}; it carries the definition {}", index.writeIndex(),
                        MetricsDefinition.VERSION);
                return;
            }
            if (!rebuild) {
                log.warn("The metrics index was built for definition {}, this code defines {}: rebuild the METRICS "
                        + "projection to apply it", built.orElse("(none)"), MetricsDefinition.VERSION);
                return;
            }
            log.info("The metrics index was built for definition {}; rebuilding it for {}", built.orElse("(none)"),
                    MetricsDefinition.VERSION);
            rebuilder.start(ProjectionName.METRICS);
        } catch (IOException | RuntimeException e) {
            log.error("Could not check the metrics definition version; the metrics keep their current index", e);
        }
    }
}
