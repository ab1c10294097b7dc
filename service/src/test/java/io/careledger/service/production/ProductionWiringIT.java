package io.careledger.service.production;

import static org.assertj.core.api.Assertions.assertThat;

import io.careledger.command.eventstore.infra.kurrentdb.KurrentEventStorageEngine;
import io.careledger.service.support.ProductionServiceTest;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the production profile puts where: events in KurrentDB, the rest in PostgreSQL, projections segmented. */
@ProductionServiceTest
class ProductionWiringIT {
    @Autowired
    EventStorageEngine engine;
    @Autowired
    TokenStore tokens;
    @Autowired
    DataSource dataSource;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void eventsGoToKurrentDbAndTokensToPostgreSql() throws SQLException {
        assertThat(engine).isInstanceOf(KurrentEventStorageEngine.class);
        assertThat(tokens).isInstanceOf(JdbcTokenStore.class);
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            assertThat(connection.createStatement().executeQuery(
                    "SELECT count(*) FROM information_schema.tables WHERE table_name IN "
                            + "('tokenentry', 'scheduled_tasks', 'deadletterentry')")).satisfies(rows -> {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(3);
            });
        }
    }

    @Test
    void everyProjectionIsSplitIntoSegmentsThatInstancesShare() {
        var processors = processing.eventProcessors().values().stream()
                                   .filter(StreamingEventProcessor.class::isInstance)
                                   .map(StreamingEventProcessor.class::cast).toList();

        assertThat(processors).isNotEmpty().allSatisfy(processor -> {
            assertThat(tokens.fetchSegments(processor.getName())).as(processor.getName()).hasSizeGreaterThan(1);
        });
    }
}
