package io.careledger.api.repair;

/** What the garment is made of; the warranty period depends on it (DOMAIN.md §6). */
public enum Material {
    TEXTILE, LEATHER, OTHER
}
