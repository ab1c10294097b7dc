package io.careledger.query.customer;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.careledger.api.common.Money;
import io.careledger.api.customer.PurchaseRecorded;

/**
 * What a customer's purchases in one calendar year (UTC, by {@code purchasedAt}) add up to, in one currency.
 * Exact twice over: {@code amount} is the decimal sum, returned as it is, and {@code hundredths} the same
 * amount as a whole number of hundredths (a {@link Money} has at most two decimals), which Elasticsearch
 * compares and sorts without the rounding a floating-point field would bring.
 */
public record AnnualSpend(int year, Money amount, long hundredths) {

    public static AnnualSpend of(int year, Money amount) {
        return new AnnualSpend(year, amount, amount.amount().movePointRight(2).longValueExact());
    }

    /** The spends with the purchase added to its year and currency, ordered by year, then currency. */
    public static List<AnnualSpend> add(List<AnnualSpend> spends, PurchaseRecorded purchase) {
        int year = purchase.purchasedAt().atOffset(ZoneOffset.UTC).getYear();
        Money total = purchase.total();
        List<AnnualSpend> next = new ArrayList<>();
        boolean added = false;
        for (AnnualSpend spend : spends) {
            if (spend.year() == year && spend.amount().currency().equals(total.currency())) {
                next.add(of(year, new Money(spend.amount().amount().add(total.amount()), total.currency())));
                added = true;
            } else {
                next.add(spend);
            }
        }
        if (!added) {
            next.add(of(year, total));
        }
        next.sort(Comparator.comparingInt(AnnualSpend::year).thenComparing(spend -> spend.amount().currency()));
        return List.copyOf(next);
    }
}
