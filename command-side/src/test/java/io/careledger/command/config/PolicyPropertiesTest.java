package io.careledger.command.config;

import static io.careledger.api.complaint.ComplaintCategory.DELIVERY;
import static io.careledger.api.complaint.ComplaintCategory.PRODUCT_QUALITY;
import static io.careledger.api.complaint.Severity.LEVEL_1;
import static io.careledger.api.complaint.Severity.LEVEL_2;
import static io.careledger.api.complaint.Severity.LEVEL_3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.careledger.api.complaint.ComplaintCategory;
import io.careledger.api.complaint.Department;
import io.careledger.api.complaint.Severity;
import io.careledger.command.complaint.policy.RoutingPolicy;
import io.careledger.command.complaint.policy.SeverityPolicy;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The policies as operators configure them: absent properties mean the DOMAIN.md defaults. */
class PolicyPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(CommandSideConfiguration.class)
            .withBean(EventStore.class, () -> mock(EventStore.class));

    @Test
    void withoutPropertiesThePoliciesAreTheDefaults() {
        runner.run(context -> {
            assertThat(context.getBean(SeverityPolicy.class)).isEqualTo(SeverityPolicy.defaults());
            assertThat(context.getBean(RoutingPolicy.class)).isEqualTo(RoutingPolicy.defaults());
        });
    }

    @Test
    void aConfiguredSeverityEntryReplacesOnlyItsDefault() {
        runner.withPropertyValues(
                        "careledger.policy.severity.version=severity-2026.2",
                        "careledger.policy.severity.levels.LEVEL_1=PT30M",
                        "careledger.policy.severity.categories.DELIVERY=LEVEL_1")
                .run(context -> {
                    SeverityPolicy defaults = SeverityPolicy.defaults();
                    Map<ComplaintCategory, Severity> severities = new EnumMap<>(defaults.severities());
                    severities.put(DELIVERY, LEVEL_1);
                    Map<Severity, Duration> deadlines = new EnumMap<>(defaults.firstResponseDeadlines());
                    deadlines.put(LEVEL_1, Duration.ofMinutes(30));

                    assertThat(context.getBean(SeverityPolicy.class))
                            .isEqualTo(new SeverityPolicy("severity-2026.2", severities, deadlines));
                });
    }

    @Test
    void aConfiguredRoutingEntryReplacesOnlyItsDefault() {
        runner.withPropertyValues(
                        "careledger.policy.routing.version=routing-2026.2",
                        "careledger.policy.routing.categories.DELIVERY=STORE_OPERATIONS",
                        "careledger.policy.routing.handles-highest-level=HEAD_OFFICE_AFTER_SALES")
                .run(context -> {
                    RoutingPolicy routing = context.getBean(RoutingPolicy.class);

                    assertThat(routing.version()).isEqualTo("routing-2026.2");
                    assertThat(routing.departmentFor(DELIVERY, LEVEL_2)).isEqualTo(Department.STORE_OPERATIONS);
                    assertThat(routing.departmentFor(PRODUCT_QUALITY, LEVEL_2)).isEqualTo(Department.QUALITY_CONTROL);
                    assertThat(routing.departmentFor(PRODUCT_QUALITY, LEVEL_3))
                            .isEqualTo(Department.HEAD_OFFICE_AFTER_SALES);
                });
    }

    @Test
    void aChangedTableWithoutANewVersionStopsTheApplication() {
        runner.withPropertyValues("careledger.policy.severity.categories.DELIVERY=LEVEL_1")
                .run(context -> assertThat(context).getFailure()
                        .rootCause().hasMessageContaining("careledger.policy.severity.version"));
    }

    @Test
    void aConfiguredVersionAloneKeepsTheDefaultTable() {
        runner.withPropertyValues("careledger.policy.routing.version=routing-2026.2")
                .run(context -> assertThat(context.getBean(RoutingPolicy.class).departments())
                        .isEqualTo(RoutingPolicy.defaults().departments()));
    }

    @Test
    void anInvalidValueStopsTheApplication() {
        runner.withPropertyValues(
                        "careledger.policy.severity.version=severity-2026.2",
                        "careledger.policy.severity.levels.LEVEL_2=PT0S")
                .run(context -> assertThat(context).getFailure()
                        .rootCause().hasMessageContaining("LEVEL_2"));
    }
}
