package io.careledger.service.security;

/** Who may call what: the {@code @PreAuthorize} expressions the controllers share. */
public final class Access {
    /** Front-line work on customers and cases. */
    public static final String STAFF = "hasAnyRole('AGENT','SUPERVISOR')";
    /** Escalating by hand and reopening closed cases. */
    public static final String SUPERVISOR = "hasRole('SUPERVISOR')";
    /** Reading current cases, customers and timelines (personal fields masked for ANALYST). */
    public static final String READ_CASES = "hasAnyRole('AGENT','SUPERVISOR','AUDITOR','ANALYST')";
    /** Replaying a case's history. */
    public static final String AUDIT = "hasAnyRole('AUDITOR','SUPERVISOR')";
    /** Reading service metrics and staff performance (personal fields masked for ANALYST). */
    public static final String METRICS = "hasAnyRole('ANALYST','SUPERVISOR')";
    /** Erasing a customer's personal data for good. */
    public static final String ERASE = "hasRole('ADMIN')";
    /** Operating the read models. */
    public static final String ADMIN = "hasRole('ADMIN')";

    private Access() {
    }
}
