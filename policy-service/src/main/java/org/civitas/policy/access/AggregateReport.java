package org.civitas.policy.access;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.civitas.policy.governance.GovernedReadings.Grouping;

/**
 * Aggregates as handed out: only cells of at least {@code minCount} readings, and in them only
 * attributes present in at least {@code minCount} readings. How many cells were suppressed is said,
 * never what they held.
 */
public record AggregateReport(
    String category,
    String purpose,
    Instant from,
    Instant to,
    Duration bucket,
    Grouping groupBy,
    int minCount,
    long policyVersion,
    List<Cell> cells,
    int suppressed) {

  /**
   * @param group the sensorId or geohash of the cell; null when not grouped
   * @param attributes summaries of the numeric attributes, by name
   */
  public record Cell(
      Instant bucketStart, String group, long count, Map<String, Summary> attributes) {}

  /** count, min, average and max of one numeric attribute in one cell. */
  public record Summary(long count, BigDecimal min, BigDecimal avg, BigDecimal max) {}
}
