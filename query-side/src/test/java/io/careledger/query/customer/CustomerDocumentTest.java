package io.careledger.query.customer;

import static io.careledger.query.customer.CustomerStories.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.careledger.api.common.Money;
import io.careledger.api.customer.CustomerEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CustomerDocumentTest {

    @Test
    void theDocumentIsTheFoldPlusTheSpendPerUtcYear() {
        List<CustomerEvent> story = CustomerStories.lifecycle("c-1", T0);

        CustomerDocument document = CustomerStories.document(story);

        assertThat(document.customer()).isEqualTo(CustomerStories.fold(story));
        assertThat(document.annualSpend()).containsExactly(
                new AnnualSpend(2025, Money.of("599.00", "CNY"), 59_900),
                new AnnualSpend(2026, Money.of("1200.5", "CNY"), 120_050));
        assertThat(document.phoneTail()).isEqualTo("0008310083168");
    }

    @ParameterizedTest
    @CsvSource({
            "2025-12-31T23:59:59.999999999Z, 2025",
            "2026-01-01T00:00:00Z, 2026",
            // Already 2026 in Shanghai (UTC+8), still 2025 in UTC: the year is UTC's.
            "2025-12-31T16:00:00Z, 2025"})
    void aPurchaseCountsForTheUtcYearItWasMadeIn(Instant purchasedAt, int year) {
        List<AnnualSpend> spends = AnnualSpend.add(List.of(),
                CustomerStories.purchase("c-1", "order-1", purchasedAt, "10.00", "10.00", 10, 10));

        assertThat(spends).extracting(AnnualSpend::year).containsExactly(year);
    }

    @Test
    void purchasesOfTheSameYearAddUpExactly() {
        List<AnnualSpend> spends = List.of();
        for (String total : List.of("0.10", "0.20", "1234567.89", "0.01")) {
            spends = AnnualSpend.add(spends,
                    CustomerStories.purchase("c-1", "order-" + total, T0, total, total, 0, 0));
        }

        assertThat(spends).containsExactly(new AnnualSpend(2026, Money.of("1234568.20", "CNY"), 123_456_820));
    }

    @Test
    void anotherCurrencyIsCountedApart() {
        List<AnnualSpend> spends = AnnualSpend.add(List.of(AnnualSpend.of(2026, Money.of("5.00", "USD"))),
                CustomerStories.purchase("c-1", "order-1", T0, "10.00", "10.00", 10, 10));

        assertThat(spends).containsExactly(AnnualSpend.of(2026, Money.of("10.00", "CNY")),
                AnnualSpend.of(2026, Money.of("5.00", "USD")));
    }

    @ParameterizedTest
    @CsvSource(value = {"+86 138-0013-8000, 0008310083168", "(021) 5555, 5555120", "none, NULL", "NULL, NULL"},
            nullValues = "NULL")
    void thePhoneTailIsTheDigitsLastFirst(String phone, String tail) {
        assertThat(CustomerDocument.phoneTail(phone)).isEqualTo(tail);
    }
}
