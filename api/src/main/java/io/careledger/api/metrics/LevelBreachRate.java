package io.careledger.api.metrics;

import io.careledger.api.complaint.Severity;

/** The SLA breaches of the complaints filed at one severity level; {@code rate} is null without complaints. */
public record LevelBreachRate(Severity level, long complaints, long breached, Double rate) {
}
