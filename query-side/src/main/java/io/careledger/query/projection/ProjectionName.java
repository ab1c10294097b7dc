package io.careledger.query.projection;

/** The read models that can be rebuilt from the events; the names the GraphQL schema's {@code ProjectionName} uses. */
public enum ProjectionName {
    CASES, CUSTOMERS, TIMELINE, CARE_TASKS, METRICS
}
