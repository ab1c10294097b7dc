package io.careledger.service.demo;

import java.time.Instant;
import java.util.List;

/**
 * What the demo generator makes: {@code customers} customers of {@code stores}, with purchases, complaints,
 * refunds, repairs, follow-ups and surveys over the {@code months} before {@code until}, all drawn from a
 * {@link java.util.Random} seeded with {@code seed}: the same settings give the same dataset.
 *
 * @param prefix starts every generated id, so two datasets can live side by side
 */
public record DemoSettings(int customers, long seed, int months, Instant until, List<String> stores, String prefix) {
    public DemoSettings {
        if (customers < 1) {
            throw new IllegalArgumentException("careledger.demo.customers must be at least 1, was " + customers);
        }
        if (months < 1 || months > 36) {
            throw new IllegalArgumentException("careledger.demo.months must be 1 to 36, was " + months);
        }
        if (stores == null || stores.isEmpty()) {
            throw new IllegalArgumentException("The demo needs at least one store (careledger.regions or careledger.demo.stores)");
        }
        stores = List.copyOf(stores);
    }
}
