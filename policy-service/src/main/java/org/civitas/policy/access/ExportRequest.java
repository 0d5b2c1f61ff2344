package org.civitas.policy.access;

import java.time.Instant;

/**
 * A validated export request: the live readings of a category in a time range, for a purpose, to a
 * recipient in {@code destinationCountry}.
 */
public record ExportRequest(
    String category,
    Instant from,
    Instant to,
    String purpose,
    String destinationCountry,
    String warrantRef) {}
