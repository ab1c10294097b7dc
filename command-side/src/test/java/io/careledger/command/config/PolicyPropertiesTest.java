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
import io.careledger.api.customer.Tier;
import io.careledger.command.care.ComplaintParticipants;
import io.careledger.command.care.CustomerContactPermissions;
import io.careledger.command.care.infra.EventStoreComplaintParticipants;
import io.careledger.command.care.infra.EventStoreCustomerContactPermissions;
import io.careledger.command.care.policy.CareConsentPolicy;
import io.careledger.command.care.policy.CarePolicy;
import io.careledger.command.complaint.policy.RoutingPolicy;
import io.careledger.command.complaint.policy.SeverityPolicy;
import io.careledger.command.customer.KnownCustomers;
import io.careledger.command.customer.infra.EventStoreKnownCustomers;
import io.careledger.command.customer.policy.MembershipPolicy;
import io.careledger.command.customer.policy.TierPolicy;
import io.careledger.api.repair.Material;
import io.careledger.command.refund.CustomerPurchases;
import io.careledger.command.repair.policy.WarrantyPolicy;
import io.careledger.command.refund.infra.EventStoreCustomerPurchases;
import io.careledger.command.refund.policy.RefundApprovalPolicy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
            assertThat(context.getBean(TierPolicy.class)).isEqualTo(TierPolicy.defaults());
            assertThat(context.getBean(MembershipPolicy.class)).isEqualTo(MembershipPolicy.defaults());
            assertThat(context.getBean(CarePolicy.class)).isEqualTo(CarePolicy.defaults());
            assertThat(context.getBean(CareConsentPolicy.class)).isEqualTo(CareConsentPolicy.defaults());
        });
    }

    @Test
    void providesThePortsOverTheEventStore() {
        runner.run(context -> {
            assertThat(context.getBean(KnownCustomers.class)).isInstanceOf(EventStoreKnownCustomers.class);
            assertThat(context.getBean(CustomerContactPermissions.class))
                    .isInstanceOf(EventStoreCustomerContactPermissions.class);
            assertThat(context.getBean(ComplaintParticipants.class))
                    .isInstanceOf(EventStoreComplaintParticipants.class);
            assertThat(context).hasBean("careProcessRegistration");
        });
    }

    @Test
    void configuredTierEntriesReplaceOnlyTheirDefaults() {
        runner.withPropertyValues(
                        "careledger.policy.tier.version=tiers-2026.2",
                        "careledger.policy.tier.thresholds.GOLD=25000",
                        "careledger.policy.tier.rolling-window=P730D")
                .run(context -> {
                    TierPolicy defaults = TierPolicy.defaults();
                    Map<Tier, BigDecimal> thresholds = new EnumMap<>(defaults.thresholds());
                    thresholds.put(Tier.GOLD, new BigDecimal("25000"));

                    assertThat(context.getBean(TierPolicy.class)).isEqualTo(
                            new TierPolicy("tiers-2026.2", "CNY", Duration.ofDays(730), thresholds));
                });
    }

    @Test
    void configuredMembershipValuesReplaceOnlyTheirDefaults() {
        runner.withPropertyValues(
                        "careledger.policy.membership.version=membership-2026.2",
                        "careledger.policy.membership.points-per-currency-unit=2",
                        "careledger.policy.membership.tier-multipliers.GOLD=1.8",
                        "careledger.policy.membership.spend-milestones=20000,80000",
                        "careledger.policy.membership.dormancy-period=P90D",
                        "careledger.policy.membership.birthday-lead-days=3")
                .run(context -> {
                    MembershipPolicy defaults = MembershipPolicy.defaults();
                    Map<Tier, BigDecimal> multipliers = new EnumMap<>(defaults.tierMultipliers());
                    multipliers.put(Tier.GOLD, new BigDecimal("1.8"));

                    assertThat(context.getBean(MembershipPolicy.class)).isEqualTo(new MembershipPolicy(
                            "membership-2026.2", "CNY", 2, multipliers,
                            List.of(new BigDecimal("20000"), new BigDecimal("80000")), Duration.ofDays(90), 3));
                });
    }

    @Test
    void configuredCareValuesReplaceOnlyTheirDefaults() {
        runner.withPropertyValues(
                        "careledger.policy.care.version=care-2026.2",
                        "careledger.policy.care.zone=Asia/Hong_Kong",
                        "careledger.policy.care.purchase-follow-up-delay=P10D")
                .run(context -> assertThat(context.getBean(CarePolicy.class)).isEqualTo(new CarePolicy(
                        "care-2026.2", ZoneId.of("Asia/Hong_Kong"), Duration.ofDays(10), Duration.ofHours(48),
                        Duration.ofDays(3))));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "careledger.policy.tier.thresholds.SILVER=6000",
            "careledger.policy.tier.rolling-window=P180D",
            "careledger.policy.membership.tier-multipliers.MEMBER=1.1",
            "careledger.policy.membership.spend-milestones=10000",
            "careledger.policy.membership.dormancy-period=P200D",
            "careledger.policy.membership.birthday-lead-days=14",
            "careledger.policy.care.zone=UTC",
            "careledger.policy.care.satisfaction-follow-up-delay=PT24H",
            "careledger.policy.care.reconnect-due-delay=P1D",
            "careledger.policy.refund.automatic-limit=300",
            "careledger.policy.refund.fresh-categories=FRESH",
            "careledger.policy.refund.review-within=PT3H",
            "careledger.policy.warranty.beyond-rate=0.4",
            "careledger.policy.warranty.warranty-months.OTHER=1",
            "careledger.policy.warranty.return-window-days=7",
            "careledger.policy.warranty.dry-clean-minimum-price=3000"})
    void aChangedCustomerOrCarePolicyWithoutANewVersionStopsTheApplication(String change) {
        String prefix = change.substring(0, change.indexOf('.', "careledger.policy.".length()));
        runner.withPropertyValues(change)
                .run(context -> assertThat(context).getFailure()
                        .rootCause().hasMessageContaining(prefix + ".version"));
    }

    @Test
    void configuredRefundValuesReplaceOnlyTheirDefaults() {
        runner.withPropertyValues(
                        "careledger.policy.refund.version=refund-2026.2",
                        "careledger.policy.refund.automatic-limit=300",
                        "careledger.policy.refund.near-expiry-share=0.8")
                .run(context -> assertThat(context.getBean(RefundApprovalPolicy.class)).isEqualTo(
                        RefundApprovalPolicy.defaults().withVersion("refund-2026.2")
                                .withAutomaticLimit(new BigDecimal("300"))));
        runner.run(context -> assertThat(context.getBean(RefundApprovalPolicy.class))
                .isEqualTo(RefundApprovalPolicy.defaults()));
        runner.run(context -> assertThat(context.getBean(CustomerPurchases.class))
                .isInstanceOf(EventStoreCustomerPurchases.class));
    }

    @Test
    void configuredWarrantyValuesReplaceOnlyTheirDefaults() {
        WarrantyPolicy d = WarrantyPolicy.defaults();
        runner.withPropertyValues(
                        "careledger.policy.warranty.version=warranty-2026.2",
                        "careledger.policy.warranty.warranty-months.OTHER=1",
                        "careledger.policy.warranty.beyond-rate=0.4")
                .run(context -> assertThat(context.getBean(WarrantyPolicy.class)).isEqualTo(new WarrantyPolicy(
                        "warranty-2026.2", d.zone(), d.returnWindowDays(),
                        Map.of(Material.TEXTILE, 3, Material.LEATHER, 6, Material.OTHER, 1), d.depreciation(),
                        new BigDecimal("0.4"), d.currency(), d.suitCategories(), d.dryCleanMinimumPrice(),
                        d.dryCleanWithinMonths())));
        runner.withPropertyValues("careledger.policy.warranty.beyond-rate=0.30")
                .run(context -> assertThat(context.getBean(WarrantyPolicy.class)).isEqualTo(d));
    }

    @Test
    void restatingADefaultIsNoChange() {
        runner.withPropertyValues(
                        "careledger.policy.tier.thresholds.GOLD=20000.00",
                        "careledger.policy.membership.tier-multipliers.GOLD=1.50",
                        "careledger.policy.care.zone=Asia/Shanghai")
                .run(context -> {
                    assertThat(context.getBean(TierPolicy.class)).isEqualTo(TierPolicy.defaults());
                    assertThat(context.getBean(MembershipPolicy.class)).isEqualTo(MembershipPolicy.defaults());
                    assertThat(context.getBean(CarePolicy.class)).isEqualTo(CarePolicy.defaults());
                });
    }

    @Test
    void tiersAndMembershipMustShareTheirCurrency() {
        runner.withPropertyValues(
                        "careledger.policy.tier.version=tiers-usd",
                        "careledger.policy.tier.currency=USD")
                .run(context -> assertThat(context).getFailure()
                        .rootCause().hasMessageContaining("careledger.policy.tier.currency"));
    }

    @Test
    void invalidTierThresholdsStopTheApplication() {
        runner.withPropertyValues(
                        "careledger.policy.tier.version=tiers-2026.2",
                        "careledger.policy.tier.thresholds.GOLD=4000")
                .run(context -> assertThat(context).getFailure()
                        .rootCause().hasMessageContaining("GOLD"));
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
