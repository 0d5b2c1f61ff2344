package org.civitas.load.e2e;

import java.util.Map;
import org.civitas.load.run.RunSummary;

/**
 * The figures of one end-to-end run (printed with {@code --json}).
 *
 * @param warmup how long the load ran before the measured window, and why it ended then
 * @param windowSeconds the measured window the rates are computed over (warm-up excluded)
 * @param governedRowsPerSecond governed rows stored per second (policy-service counter)
 * @param probePlacement the latency probe's raw-topic partition, the partitions of the consumer
 *     owning it and the load sensors on them (the latency measured is that consumer's); null with
 *     {@code --bootstrap=none} or when the broker could not tell
 * @param drainSeconds after the load ended, until governed rows stopped growing; -1 if they never
 *     did within {@code --drain}
 * @param ingestToBaselineRatio accepted readings/s through the gateway over the raw producer's
 *     acknowledged records/s on the same broker
 * @param processes CPU (percent of one core, averaged over the window), peak RSS and peak PSS per
 *     process
 * @param platformMaxPssBytes the largest PSS of all platform processes together (every process but
 *     this tool) at one moment of the window: the memory the platform holds
 */
public record EndToEndSummary(
    String finishedAt,
    String target,
    Map<String, Object> settings,
    Warmup warmup,
    double windowSeconds,
    double acceptedPerSecond,
    double governedRowsPerSecond,
    long probes,
    long probesNotSeen,
    double queryableP50Millis,
    double queryableP99Millis,
    double queryableMaxMillis,
    ProbePlacement probePlacement,
    double auditAppendsPerSecond,
    double drainSeconds,
    double baselinePerSecond,
    double ingestToBaselineRatio,
    Map<String, ProcessFigures> processes,
    long platformMaxPssBytes,
    double loadAverageBefore,
    double loadAverageAfter,
    RunSummary ingest,
    RunSummary baseline) {

  /**
   * @param seconds the warm-up's length
   * @param minimumSeconds {@code --warmup}
   * @param settleSeconds {@code --settle}: how long the probe had to keep up before measuring; 0
   *     for a warm-up of {@code --warmup} alone
   * @param settleWithinMillis {@code --settle-within}: how fast a probe reading had to become
   *     queryable to count as keeping up
   * @param settled false when {@code --warmup-max} ran out first, so the measured window may carry
   *     a backlog
   */
  public record Warmup(
      double seconds,
      double minimumSeconds,
      double settleSeconds,
      double settleWithinMillis,
      boolean settled) {}

  public record ProcessFigures(
      int processes, double cpuPercent, long maxRssBytes, long maxPssBytes) {}
}
