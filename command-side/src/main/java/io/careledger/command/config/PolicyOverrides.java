package io.careledger.command.config;

import java.util.EnumMap;
import java.util.Map;

/** How configured policy entries combine with the built-in tables. */
final class PolicyOverrides {

    private PolicyOverrides() {
    }

    /** The defaults with each configured entry replacing its default; an absent property keeps the default. */
    static <K extends Enum<K>, V> Map<K, V> merge(Map<K, V> defaults, Map<K, V> overrides) {
        Map<K, V> merged = new EnumMap<>(defaults);
        if (overrides != null) {
            merged.putAll(overrides);
        }
        return merged;
    }

    /**
     * The version to record. A changed table must carry a new version: events name the policy that decided
     * them by its version alone, so two different tables under one name would make old decisions unexplainable.
     */
    static String version(String property, String configured, String defaultVersion, boolean tableChanged) {
        String version = configured == null ? defaultVersion : configured;
        if (tableChanged && version.equals(defaultVersion)) {
            throw new IllegalStateException(property + " must be set to a new version (not " + defaultVersion
                    + ") when the policy differs from the built-in defaults");
        }
        return version;
    }
}
