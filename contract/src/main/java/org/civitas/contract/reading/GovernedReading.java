package org.civitas.contract.reading;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/** A reading after minimization under one policy version (CONTRACT §4.3). */
public record GovernedReading(
    String readingId,
    String sensorId,
    String category,
    Instant observedAt,
    GovernedLocation location,
    Map<String, Object> attributes,
    String jurisdiction,
    long policyVersion,
    Instant expiresAt) {

  /**
   * Location after minimization: a geohash, a grid cell, or nothing. Absent fields are omitted in
   * JSON.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record GovernedLocation(String geohash, String grid) {
    public static final GovernedLocation DROPPED = new GovernedLocation(null, null);
  }
}
