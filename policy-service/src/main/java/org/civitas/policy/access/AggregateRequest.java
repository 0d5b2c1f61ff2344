package org.civitas.policy.access;

import java.time.Duration;
import java.time.Instant;
import org.civitas.policy.governance.GovernedReadings.Grouping;

/** A validated request for aggregates: counts per (time bucket, group) of one category. */
public record AggregateRequest(
    String category,
    Instant from,
    Instant to,
    Duration bucket,
    Grouping groupBy,
    String purpose,
    String warrantRef) {}
