package io.careledger.command.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Construction checks shared by the policy tables. A table with a gap would only fail when a case of the
 * missing kind arrives, possibly weeks after a configuration change; checking completeness up front makes a bad
 * table stop the application at start-up instead.
 */
public final class PolicyTables {

    /** Amounts in policies have the scale that {@code Money} allows, so equal amounts are also equal records. */
    public static final int AMOUNT_SCALE = 2;

    private PolicyTables() {
    }

    public static String version(String version) {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("a policy needs a version: events record it");
        }
        return version;
    }

    /** An unmodifiable copy of {@code table} that has a non-null value for every constant of {@code keys}. */
    public static <K extends Enum<K>, V> Map<K, V> complete(Map<K, V> table, Class<K> keys, String name) {
        if (table == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        EnumMap<K, V> copy = new EnumMap<>(keys);
        copy.putAll(table);
        copy.values().removeIf(value -> value == null);
        Set<K> missing = EnumSet.allOf(keys);
        missing.removeAll(copy.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(name + " has no entry for " + missing);
        }
        return Collections.unmodifiableMap(copy);
    }

    public static Duration positive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration");
        }
        return duration;
    }

    /**
     * A non-negative amount at {@link #AMOUNT_SCALE}: "20000" and "20000.00" are one threshold, and an amount with
     * more decimals than money has could never be met exactly.
     */
    public static BigDecimal amount(BigDecimal amount, String name) {
        if (amount == null || amount.signum() < 0) {
            throw new IllegalArgumentException(name + " must be an amount of at least 0");
        }
        try {
            return amount.setScale(AMOUNT_SCALE, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(name + " has more than " + AMOUNT_SCALE + " decimal places", e);
        }
    }

    public static String currency(String code) {
        if (code == null) {
            throw new IllegalArgumentException("currency is required");
        }
        try {
            return Currency.getInstance(code).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("currency must be an ISO-4217 code, was " + code, e);
        }
    }
}
