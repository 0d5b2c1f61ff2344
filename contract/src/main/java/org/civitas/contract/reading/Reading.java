package org.civitas.contract.reading;

import java.util.Map;

/**
 * A reading as a sensor or vendor sends it (CONTRACT §4.1). Fields are kept as received; validation
 * happens at the ingest edge. Only the raw topic ever carries this record.
 */
public record Reading(
    String readingId,
    String sensorId,
    String observedAt,
    String category,
    Location location,
    Map<String, Object> attributes) {

  public record Location(Double lat, Double lon) {}
}
