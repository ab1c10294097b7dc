package io.careledger.api.repair;

/** Free care services (DOMAIN.md §6): one dry-clean for a qualifying suit, one care for a leather garment. */
public enum FreeCareService {
    DRY_CLEAN, LEATHER_CARE
}
