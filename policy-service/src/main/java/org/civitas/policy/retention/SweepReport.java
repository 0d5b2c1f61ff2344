package org.civitas.policy.retention;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one sweep did.
 *
 * @param sweptAt the instant rows were judged expired against
 * @param purged readings removed, per category (dropped with a partition or deleted)
 * @param partitionsDropped whole day partitions dropped
 * @param partitionsHeld entirely expired partitions kept because a legal hold covers rows in them
 */
public record SweepReport(
    Instant sweptAt, Map<String, Long> purged, int partitionsDropped, int partitionsHeld) {

  public SweepReport {
    purged = Collections.unmodifiableMap(new TreeMap<>(purged));
  }

  public long purgedTotal() {
    return purged.values().stream().mapToLong(Long::longValue).sum();
  }
}
