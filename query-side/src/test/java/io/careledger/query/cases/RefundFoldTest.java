package io.careledger.query.cases;

import static io.careledger.query.cases.RefundStories.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import io.careledger.api.cases.CaseKind;
import io.careledger.api.common.Money;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.refund.Coupon;
import io.careledger.api.refund.RefundDeadline;
import io.careledger.api.refund.RefundEvent;
import io.careledger.api.refund.RefundRule;
import io.careledger.api.refund.RefundStatus;
import io.careledger.api.refund.RefundView;
import org.junit.jupiter.api.Test;

class RefundFoldTest {
    private static final CustomerId CUSTOMER = CustomerId.of("c-1");

    @Test
    void theStoriesCoverEveryRefundEvent() {
        assertThat(java.util.stream.Stream.concat(RefundStories.breached("r-1", CUSTOMER, T0).stream(),
                        RefundStories.rejected("r-2", CUSTOMER, T0).stream()).map(Object::getClass)
                .collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(RefundEvent.class.getPermittedSubclasses());
    }

    @Test
    void aBreachedRefundShowsBothBreachesTheSupervisorsDecisionAndThePayment() {
        List<RefundEvent> story = RefundStories.breached("r-1", CUSTOMER, T0);
        RefundView view = RefundStories.fold(story);

        assertThat(view.kind()).isEqualTo(CaseKind.REFUND);
        assertThat(view.caseId()).isEqualTo("r-1");
        assertThat(view.openedAt()).isEqualTo(T0);
        assertThat(view.status()).isEqualTo(RefundStatus.PAID);
        assertThat(view.slaBreached()).isTrue();
        assertThat(view.breachedDeadlines()).containsExactly(RefundDeadline.REVIEW, RefundDeadline.PAYMENT);
        assertThat(view.decision().rule()).isEqualTo(RefundRule.SUPERVISOR);
        assertThat(view.decision().automatic()).isFalse();
        assertThat(view.decision().inputs().recentRefunds()).isEqualTo(1);
        assertThat(view.approvedAmount()).isEqualTo(Money.of("499.00", "CNY"));
        assertThat(view.paymentReference()).isEqualTo("till-7-0042");
        assertThat(view.paidAt()).isEqualTo(story.get(4).occurredAt());
        assertThat(view.complaintId().value()).isEqualTo("k-r-1");
        assertThat(view.version()).isEqualTo(4);
        assertThat(view.updatedAt()).isEqualTo(story.get(4).occurredAt());
    }

    @Test
    void aRejectedRefundRecordsWhoRefusedAndWhy() {
        RefundView view = RefundStories.fold(RefundStories.rejected("r-2", CUSTOMER, T0));

        assertThat(view.status()).isEqualTo(RefundStatus.REJECTED);
        assertThat(view.decision().approved()).isFalse();
        assertThat(view.decision().note()).isEqualTo("worn for a season");
        assertThat(view.decision().by()).isEqualTo(RefundStories.SUPERVISOR);
        assertThat(view.decision().at()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(view.slaBreached()).isFalse();
    }

    @Test
    void anInstantRefundIsPaidWithItsCoupon() {
        RefundView view = RefundStories.fold(RefundStories.instant("r-3", CUSTOMER, T0));

        assertThat(view.status()).isEqualTo(RefundStatus.PAID);
        assertThat(view.decision().automatic()).isTrue();
        assertThat(view.coupon()).isEqualTo(new Coupon(Money.of("10.00", "CNY"), "TEXTILES"));
        assertThat(view.paidAt()).isEqualTo(T0);
    }

    @Test
    void anEventOfARefundNeverRequestedIsRefused() {
        RefundEvent paid = RefundStories.breached("r-1", CUSTOMER, T0).get(4);
        assertThatIllegalStateException().isThrownBy(() -> RefundFold.apply(null, paid, 4));
    }
}
