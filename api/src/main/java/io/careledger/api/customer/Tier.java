package io.careledger.api.customer;

/** Membership tiers, lowest first. */
public enum Tier {
    MEMBER, SILVER, GOLD, PLATINUM
}
