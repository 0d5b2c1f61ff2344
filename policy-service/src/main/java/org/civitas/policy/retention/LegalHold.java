package org.civitas.policy.retention;

import java.time.Instant;
import java.util.UUID;

/**
 * A legal hold: readings of {@code category} (any when null) from {@code sensorId} (any when null)
 * observed in {@code [from, to)} survive retention while the hold is active.
 */
public record LegalHold(
    UUID id,
    String category,
    String sensorId,
    Instant from,
    Instant to,
    String caseRef,
    String reason,
    String placedBy,
    Instant placedAt,
    String releasedBy,
    Instant releasedAt) {

  public boolean active() {
    return releasedAt == null;
  }
}
