package io.careledger.api.complaint;

/** Severity levels, lowest first (DOMAIN.md §4). */
public enum Severity {
    LEVEL_1, LEVEL_2, LEVEL_3;

    public boolean isHighest() {
        return this == LEVEL_3;
    }

    /** One level up; the highest level stays where it is. */
    public Severity next() {
        return isHighest() ? this : values()[ordinal() + 1];
    }
}
