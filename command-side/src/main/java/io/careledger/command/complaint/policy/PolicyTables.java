package io.careledger.command.complaint.policy;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Construction checks shared by the policy tables. A table with a gap would only fail when a complaint of the
 * missing kind arrives, possibly weeks after a configuration change; checking completeness up front makes a bad
 * table stop the application at start-up instead.
 */
final class PolicyTables {

    private PolicyTables() {
    }

    static String version(String version) {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("a policy needs a version: events record it");
        }
        return version;
    }

    /** An unmodifiable copy of {@code table} that has a non-null value for every constant of {@code keys}. */
    static <K extends Enum<K>, V> Map<K, V> complete(Map<K, V> table, Class<K> keys, String name) {
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
}
