package io.careledger.api.customer;

public enum Gender {
    FEMALE, MALE, OTHER, UNDISCLOSED
}
