package io.careledger.service.security;

/** What a staff member may do; checked with {@code @PreAuthorize("hasRole('…')")}. */
public enum Role {
    AGENT, SUPERVISOR, AUDITOR, ANALYST, ADMIN
}
