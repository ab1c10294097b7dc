package io.careledger.api.customer;

/** The soft-profile categories of DOMAIN.md §1, each note recorded by a staff member. */
public enum NoteCategory {
    WORK, FAMILY, PERSONALITY, HABITS, STYLE, HOBBIES, LIFESTYLE, SERVICE_PREFERENCE, PROMOTION_RECEPTIVENESS, VALUES
}
