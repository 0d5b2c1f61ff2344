package org.civitas.contract.reading;

import java.time.Instant;

/**
 * A reading refused by policy (CONTRACT §5): identifiers and reason only, never attributes or
 * location.
 */
public record QuarantinedReading(
    String readingId, String sensorId, String category, String reason, Instant at) {}
